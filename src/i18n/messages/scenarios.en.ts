/**
 * Scenario gallery, YAML editor and side-by-side compare. Text between backticks is shown in
 * code font; Kubernetes values (`CrashLoopBackOff`, `restartPolicy`) stay as kubectl prints them.
 */
export const scenariosEn = {
  // Scenarios: a title and the one-line point each makes
  'scenario.one-container.title': 'One container',
  'scenario.one-container.point':
    'The simplest pod: one nginx container. The kubelet manages the pod, not the bare container.',
  'scenario.sidecar-shared-volume.title': 'Sharing files through a volume',
  'scenario.sidecar-shared-volume.point':
    'Two containers mount the same `emptyDir`: what one writes, the other reads — and it outlives a container restart.',
  'scenario.localhost.title': 'Talking over localhost',
  'scenario.localhost.point':
    'Containers of a pod share one network namespace, so the client reaches nginx at `localhost:80`.',
  'scenario.port-conflict.title': 'A port conflict',
  'scenario.port-conflict.point':
    'One port space per pod: a second nginx cannot bind port 80, exits 1 and ends in `CrashLoopBackOff`.',
  'scenario.shared-hostname.title': 'One hostname for all',
  'scenario.shared-hostname.point':
    'The UTS namespace is shared: `hostname` prints the pod name in every container.',
  'scenario.share-process-namespace.title': 'Sharing the process namespace',
  'scenario.share-process-namespace.point':
    'With `shareProcessNamespace: true`, `ps` sees every container’s processes, `/pause` is PID 1 and reaps zombies.',
  'scenario.sandbox-restart.title': 'The pause container dies',
  'scenario.sandbox-restart.point':
    'Lose the sandbox and you lose everything: the kubelet rebuilds it and runs the init containers again.',
  'scenario.init-containers-order.title': 'Init containers, in order',
  'scenario.init-containers-order.point':
    'The docs’ example: each init container waits for a Service; the app starts only after both succeed. Create `myservice`, then `mydb`.',
  'scenario.init-failure-always.title': 'Init container fails — Always',
  'scenario.init-failure-always.point':
    'Under `Always` the failed init container is retried with back-off (`Init:CrashLoopBackOff`); the app waits.',
  'scenario.init-failure-onfailure.title': 'Init container fails — OnFailure',
  'scenario.init-failure-onfailure.point':
    'Under `OnFailure` it is retried too: an init container must succeed before anything else runs.',
  'scenario.init-failure-never.title': 'Init container fails — Never',
  'scenario.init-failure-never.point':
    'Under `Never` one failed init container ends the pod: `Failed`, and the app never starts.',
  'scenario.native-sidecar.title': 'A native sidecar',
  'scenario.native-sidecar.point':
    'An init container with `restartPolicy: Always` starts first and keeps running beside the app — restarted even when the pod says `Never`.',
  'scenario.init-never-finishes.title': 'The same shipper as an init container',
  'scenario.init-never-finishes.point':
    'Without `restartPolicy: Always`, a never-ending init container blocks the pod at `Init:0/1` for ever.',
  'scenario.restart-policy-always.title': 'restartPolicy: Always',
  'scenario.restart-policy-always.point':
    'Any exit is restarted, exit 0 included — the default policy.',
  'scenario.restart-policy-onfailure.title': 'restartPolicy: OnFailure',
  'scenario.restart-policy-onfailure.point':
    'Only a non-zero exit is restarted; a container that exits 0 stays `Completed`.',
  'scenario.restart-policy-never.title': 'restartPolicy: Never',
  'scenario.restart-policy-never.point':
    'Nothing is restarted; once every container has stopped the pod ends, `Failed` if any exit code was not 0.',
  'scenario.crash-loop-backoff.title': 'CrashLoopBackOff',
  'scenario.crash-loop-backoff.point':
    'The first restart is immediate, then the kubelet waits 10 s, 20 s, 40 s… up to 5 minutes.',
  'scenario.busybox-exits-at-once.title': 'busybox with no command',
  'scenario.busybox-exits-at-once.point':
    'busybox’s default command is `sh`, which exits 0 at once without a terminal — so even a “successful” container crash-loops under `Always`.',
  'scenario.memory-limit-oom.title': 'A memory limit bites',
  'scenario.memory-limit-oom.point':
    'The docs’ memory-demo-2: `stress` allocates 250M against `limits.memory: 100Mi`, so it is `OOMKilled` (exit 137) and restarted into `CrashLoopBackOff`.',
  'scenario.image-pull-ifnotpresent.title': 'imagePullPolicy: IfNotPresent',
  'scenario.image-pull-ifnotpresent.point':
    'Pulled only when the node lacks the image: a restart finds it already present.',
  'scenario.image-pull-always.title': 'imagePullPolicy: Always',
  'scenario.image-pull-always.point': 'Every container start asks the registry again.',
  'scenario.image-pull-never.title': 'imagePullPolicy: Never',
  'scenario.image-pull-never.point':
    'Never pulls: an image missing from the node gives `ErrImageNeverPull`.',
  'scenario.image-pull-latest.title': 'The :latest rule',
  'scenario.image-pull-latest.point':
    'Leave `imagePullPolicy` out and the API server picks it: no tag or `:latest` means `Always`, any other tag `IfNotPresent`.',
  'scenario.image-pull-error.title': 'An image pull error',
  'scenario.image-pull-error.point':
    'The registry refuses: `ErrImagePull`, then `ImagePullBackOff` with growing waits between tries.',
  'scenario.image-tag-typo.title': 'A typo in the tag',
  'scenario.image-tag-typo.point':
    'The registry has no `nginx:0.0.0-does-not-exist`: the pull fails with `not found` (`ErrImagePull`), then `ImagePullBackOff` — the container never starts.',
  'scenario.liveness-probe.title': 'Liveness probe',
  'scenario.liveness-probe.point':
    'Three failed liveness probes in a row and the kubelet kills the container and restarts it.',
  'scenario.readiness-probe.title': 'Readiness probe',
  'scenario.readiness-probe.point':
    'A failing readiness probe only marks the pod not ready (`0/1`); nothing restarts.',
  'scenario.startup-probe.title': 'Startup probe',
  'scenario.startup-probe.point':
    'Until the startup probe succeeds the other probes wait; if it keeps failing the container is restarted.',
  'scenario.exec-liveness.title': 'Exec liveness (the docs’ example)',
  'scenario.exec-liveness.point':
    '`cat /tmp/healthy` succeeds for 30 s; once the file is removed the probe fails three times and the kubelet restarts the container.',
  'scenario.http-liveness.title': 'HTTP liveness (agnhost)',
  'scenario.http-liveness.point':
    'The docs’ agnhost server answers `/healthz` with 200 for 10 s, then 500: the liveness probe fails and the container is restarted.',
  'scenario.tcp-probes.title': 'TCP liveness and readiness',
  'scenario.tcp-probes.point':
    'goproxy listens on 8080: once `initialDelaySeconds` has passed the TCP probes connect and the pod becomes Ready.',
  'scenario.startup-slow-starter.title': 'A startup probe protects a slow starter',
  'scenario.startup-slow-starter.point':
    'The server needs 45 s to listen. The startup probe allows 30 × 10 s, so the strict liveness probe only starts once it is up.',
  'scenario.readiness-wrong-port.title': 'Readiness on the wrong port',
  'scenario.readiness-wrong-port.point':
    'nginx listens on 80 but the probe dials 8080: connection refused every time, the pod never becomes Ready, and nothing restarts.',
  'scenario.poststart-failing.title': 'A failing postStart hook',
  'scenario.poststart-failing.point':
    'The postStart command exits non-zero: `FailedPostStartHook`, the container is killed and restarted with back-off.',
  'scenario.graceful-termination.title': 'Graceful termination and PID 1',
  'scenario.graceful-termination.point':
    'Delete the pod: nginx and a shell with a `trap` stop on `SIGTERM`; `sleep` as PID 1 ignores it and is killed after the grace period (exit 137).',
  'scenario.bare-pod-node-failure.title': 'A bare pod on a failing node',
  'scenario.bare-pod-node-failure.point':
    'Nobody owns it: once its node fails the pod is evicted and nothing ever replaces it.',
  'scenario.replicaset-node-failure.title': 'A ReplicaSet on a failing node',
  'scenario.replicaset-node-failure.point':
    'The ReplicaSet keeps 2 replicas: the pod lost with node-1 is recreated on node-2. Pods are replaced, never moved.',
  'scenario.deployment-init-image.title': 'Rolling out a new init image',
  'scenario.deployment-init-image.point':
    'Changing an init container’s image in a Deployment makes new pods: a rolling update replaces the old ones.',

  // Topics
  'topic.pod': 'Pods',
  'topic.pause': 'pause container',
  'topic.namespaces': 'Namespaces',
  'topic.volumes': 'Volumes',
  'topic.init': 'Init containers',
  'topic.sidecar': 'Sidecars',
  'topic.restart-policy': 'Restart policy',
  'topic.image-pull': 'Image pull policy',
  'topic.probes': 'Probes',
  'topic.termination': 'Termination',
  'topic.controllers': 'Controllers',

  // Gallery
  'gallery.title': 'Scenario gallery',
  'gallery.close': 'Close',
  'gallery.filter': 'Topic',
  'gallery.all': 'All topics',
  'gallery.load': 'Load {title}',
  'gallery.loadShort': 'Load',
  'gallery.pending': 'Preview: the simulator cannot show all of this yet.',
  'gallery.count': '{count} scenarios',

  // Editor
  'editor.title': 'Manifest',
  'editor.label': 'Pod manifest (YAML)',
  'editor.apply': 'Apply',
  'editor.applyHint': 'Apply restarts the run from the beginning with this manifest.',
  'editor.applied': 'Applied: the run restarted with your manifest.',
  'editor.rejected': 'The simulation refused this manifest (your text is kept): {message}',
  'editor.appliedDropped':
    'Applied without the fields only a server writes ({fields}): the run restarted.',
  'editor.valid': 'No problems found.',
  'editor.problems': '{count} problem(s) — fix them to apply.',
  'editor.problemAt': 'Line {line}: {message}',
  'editor.saved': 'Saved in this browser.',
  'editor.revert': 'Revert to the running manifest',
  'editor.import': 'Import',
  'editor.importLabel':
    'Paste a Pod, ReplicaSet or Deployment (YAML or JSON), e.g. from kubectl get pod -o yaml',
  'editor.importDo': 'Import into the editor',
  'editor.imported': 'Imported a {kind}. Dropped for the simulation: {fields}.',
  'editor.importedClean': 'Imported a {kind}.',
  'editor.importFailed': 'Could not import: {message}',
  'editor.snapshot': 'Show the original as pasted',
  'editor.snapshotTitle': 'Original, as pasted (static snapshot, not simulated)',
  'editor.export': 'Export',
  'editor.exportTitle': 'The current pod as kubectl get pod -o yaml prints it',
  'editor.exportNone': 'No pod yet: play the run first.',
  'editor.copy': 'Copy',
  'editor.copied': 'Copied.',
  'editor.close': 'Close',

  // Compare
  'compare.title': 'Side by side',
  'compare.pair': 'Pair',
  'compare.left': 'Left',
  'compare.right': 'Right',
  'compare.play': 'Play both',
  'compare.pause': 'Pause both',
  'compare.restart': 'Restart both',
  'compare.close': 'Close',
  'compare.clock': 'Shared clock',
  'compare.noPod': 'No pod yet',
  'compare.seek': 'Cluster time of both runs',
  'compare.speed': 'Speed',
} as const;
