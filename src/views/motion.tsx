import { LazyMotion, MotionConfig } from 'framer-motion';
import type { ReactNode } from 'react';

// The animation features load in their own chunk after first paint; `m` components render
// statically until then.
const loadFeatures = () => import('./motionFeatures.ts').then((mod) => mod.default);

/** Motion for one instance: lazily loaded features, and the user's reduced-motion preference. */
export function Motion({ children }: { children: ReactNode }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadFeatures} strict>
        {children}
      </LazyMotion>
    </MotionConfig>
  );
}
