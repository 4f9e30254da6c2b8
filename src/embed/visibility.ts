/**
 * Reports whether an element is on screen: intersecting the viewport (IntersectionObserver,
 * which inside an iframe measures against the top-level page) and its document not hidden.
 * Without IntersectionObserver the element counts as intersecting.
 */
export function watchVisibility(
  element: Element,
  onChange: (visible: boolean) => void,
): () => void {
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  let intersecting = !view || typeof view.IntersectionObserver !== 'function';
  let last: boolean | undefined;
  const report = () => {
    const visible = intersecting && doc.visibilityState !== 'hidden';
    if (visible !== last) {
      last = visible;
      onChange(visible);
    }
  };

  let observer: IntersectionObserver | undefined;
  if (!intersecting && view) {
    observer = new view.IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) intersecting = entry.isIntersecting;
      report();
    });
    observer.observe(element);
  } else report();

  doc.addEventListener('visibilitychange', report);
  return () => {
    observer?.disconnect();
    doc.removeEventListener('visibilitychange', report);
  };
}
