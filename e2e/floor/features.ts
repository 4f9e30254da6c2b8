// The same animation features as the app (src/views/motionFeatures.ts): `domMin`.
import { domMin } from 'framer-motion';

export default domMin;
