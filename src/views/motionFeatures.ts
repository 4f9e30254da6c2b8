// Only the animation features: the views animate `initial`/`animate` values and use no gesture
// (`while*`, tap, hover, in-view) props, so `domMin` renders exactly as `domAnimation` would.
import { domMin } from 'framer-motion';

export default domMin;
