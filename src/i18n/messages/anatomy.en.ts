/** Strings of the anatomy surface: the pod view, faults, settings and explanations. */
export const anatomyEn = {
  'anatomy.region': 'Pod anatomy',
  'anatomy.waiting': 'Waiting for the first frame of the simulation…',
  'anatomy.node': '{name} · kubelet',
  'anatomy.nodeNotReady': 'NotReady',
  'anatomy.gate.closed': 'Gate closed: no app container starts before the pod is Initialized',
  'anatomy.gate.open': 'Gate open: the pod is Initialized, the app containers start',
  'anatomy.lane.init': 'Init containers · one at a time, in order',
  'anatomy.lane.app': 'App containers · started after initialization',
  'anatomy.kind.init': 'init #{n}',
  'anatomy.kind.sidecar': 'sidecar #{n}',
  'anatomy.kind.app': 'app container',
  'anatomy.card': 'Container {name}',
  'anatomy.restarts': 'restarts: {count}',
  'anatomy.ready': 'ready',
  'anatomy.notReady': 'not ready',
  'anatomy.started': 'started',
  'anatomy.lastExit': 'last: exit {code} ({reason})',
  'anatomy.exit': 'exit {code}',
  'anatomy.probe': '{type}: {result}',
  'anatomy.probe.Success': 'passing',
  'anatomy.probe.Failure': 'failing',
  'anatomy.probe.Unknown': 'not yet',
  'anatomy.probe.none': 'configured',
  'anatomy.probe.injected': 'failure injected',
  'anatomy.pull.noPull': '{policy}: image already on {node}, no pull',
  'anatomy.pull.always': '{policy}: pulls at every container start',
  'anatomy.pull.missing': '{policy}: not on {node} yet, pulls it',
  'anatomy.pull.never': 'Never: uses the image on {node} only',
  'anatomy.pull.neverMissing': 'Never: not on {node}, so ErrImageNeverPull',
  'anatomy.pull.latest': 'no tag means :latest, so Always',
  'anatomy.doing.pulling': 'pulling image…',
  'anatomy.doing.creating': 'creating…',
  'anatomy.doing.terminating': 'stopping: SIGTERM sent…',
  'anatomy.backoff': 'next restart in {seconds} s of cluster time',
  'anatomy.backoffShort': '{seconds}s',
  'anatomy.pod': 'Pod {name}',
  'anatomy.pod.noIp': 'no IP yet',
  'anatomy.pod.deleting': 'deletionTimestamp set',
  'anatomy.pod.gone': 'gone',
  'anatomy.pod.goneBare': 'This bare Pod no longer exists: nothing recreates it.',
  'anatomy.pod.goneOwned': 'Gone; {owner} creates a replacement.',
  'anatomy.pod.owner': 'owned by {owner}',
  'anatomy.pod.bare': 'bare Pod',
  'anatomy.sandbox': 'pause container (Pod sandbox)',
  'anatomy.sandbox.attempt': 'sandbox attempt {attempt}',
  'anatomy.sandbox.desc': 'sandbox attempt {attempt} · holds the shared namespaces',
  'anatomy.sandbox.notReady': 'sandbox not ready',
  'anatomy.ns.sharedLabel': 'shared:',
  'anatomy.ns.netShort': 'NET',
  'anatomy.ns.pidPerShort': 'PID: one per container',
  'anatomy.ns.net': 'NET · shared',
  'anatomy.ns.uts': 'UTS · shared',
  'anatomy.ns.ipc': 'IPC · shared',
  'anatomy.ns.pidShared': 'PID · shared',
  'anatomy.ns.pidPer': 'PID · per container',
  'anatomy.ns.ip': 'IP {ip} · lo',
  'anatomy.ns.noPorts': 'no port listening',
  'anatomy.ns.hostname': 'hostname {name}',
  'anatomy.ns.ipcBody': 'SysV semaphores, POSIX shared memory',
  'anatomy.ns.pidPerBody': 'each container’s process is its own PID 1',
  'anatomy.ns.pause': '/pause reaps zombies',
  'anatomy.volume.mounts': '{count} mounts',
  'anatomy.volume.emptyDir': 'survives container restarts; deleted with the Pod',
  'anatomy.volume.other': 'volume of type {type}',
  'anatomy.volume.files': 'Files in the volume',
  'anatomy.volume.more': '…and {count} more',
  'anatomy.volume.noFiles': 'no files yet',

  'fault.menuButton': 'Faults…',
  'fault.menu': 'Inject a fault into {name}',
  'fault.crash': 'Crash',
  'fault.exitCode': 'Exit code',
  'fault.oom': 'OOM kill',
  'fault.liveness': 'Fail liveness probe',
  'fault.readiness': 'Fail readiness probe',
  'fault.startup': 'Fail startup probe',
  'fault.recover': 'Recover probes',
  'fault.pull': 'Break image pull',
  'fault.sandbox': 'Kill pause container',
  'fault.delete': 'Delete Pod',
  'fault.nodeFail': 'Fail {node}',
  'fault.nodeRecover': 'Recover {node}',
  'fault.serviceCreate': 'Create Service',
  'fault.serviceDelete': 'Delete Service',
  'fault.barMenu': 'Faults',
  'fault.bar': 'Pod, sandbox and node faults',
  'fault.shortcut': 'shortcut {key}',
  'fault.injected': 'Injected: {what}',
  'fault.refused': 'The simulation refused it: {message}',

  'settings.button': 'Pod settings',
  'settings.title': 'Settings of {name}',
  'settings.note':
    'Each change edits the manifest and restarts the run from 0:00, as a new Pod would.',
  'settings.restartPolicy': 'restartPolicy',
  'settings.pullPolicy': 'imagePullPolicy of {name}',
  'settings.share': 'shareProcessNamespace',
  'settings.grace': 'terminationGracePeriodSeconds',
  'settings.default': '(default: {value})',

  'why.button': 'Why {value}?',
  'why.title': 'Why {value}?',
  'why.concept': 'Concept: {concept}',
  'why.gotchas': 'Watch out',
  'why.learnMore': 'Read more on kubernetes.io',
  'why.close': 'Close',
  'probes.title': 'Probe ticks',
  'probes.caption':
    'Each probe’s latest ticks: when it ran after the container started, what it answered, the consecutive count and what the kubelet did.',
  'probes.col.probe': 'Probe',
  'probes.col.at': 'After start',
  'probes.col.answer': 'Answer',
  'probes.col.count': 'In a row',
  'probes.col.kubelet': 'Kubelet',
  'probes.kind.startup': 'startup',
  'probes.kind.liveness': 'liveness',
  'probes.kind.readiness': 'readiness',
  'probes.answer.success': 'success',
  'probes.answer.failure': 'failure',
  'probes.answer.error': 'errored (result discarded)',
  'probes.answer.skipped': 'not probed',
  'probes.count.failures': '{n} failed',
  'probes.count.successes': '{n} succeeded',
  'probes.acted.restart': 'kills and restarts the container',
  'probes.acted.started': 'started: liveness and readiness begin',
  'probes.acted.ready': 'Ready',
  'probes.acted.notReady': 'not Ready',
  'probes.at': '{s} s',
  'why.nextTry': '{name}: restartCount {count}; next try in {seconds} s of cluster time.',

  'live.container': '{pod}/{name}: {reason}, restart {count}',
  'live.pod': 'Pod {name}: {status}',

  'explain.backoff.now': 'The first restart comes at once: back-off starts with the second exit.',
  'explain.backoff.wait':
    'It waits {seconds} s of cluster time first (back-off: 10 s, doubling, at most 300 s).',
  'explain.crash': '{name} exits with code {code}.',
  'explain.oom':
    'The kernel kills {name} for exceeding its memory limit: exit 137, reason OOMKilled.',
  'explain.exit.deleting': 'The Pod is being deleted: nothing is restarted.',
  'explain.exit.sidecar':
    'A native sidecar is restarted whatever the Pod’s restartPolicy ({policy}).',
  'explain.exit.initZero': 'Exit 0 completes an init container: the next one starts.',
  'explain.exit.initNever':
    'restartPolicy Never: a failed init container fails the Pod (phase Failed); nothing after it runs.',
  'explain.exit.initRetry':
    'restartPolicy {policy}: the kubelet restarts this init container; later ones and the app containers wait (Init:CrashLoopBackOff).',
  'explain.exit.never': 'restartPolicy Never: not restarted. It stays Terminated.',
  'explain.exit.onFailureZero':
    'restartPolicy OnFailure and exit 0: a success, not restarted (Completed).',
  'explain.exit.alwaysZero': 'restartPolicy Always restarts it even after exit 0.',
  'explain.exit.restart': 'restartPolicy {policy}: the kubelet restarts it and bumps RESTARTS.',
  'explain.probe.liveness':
    'The liveness probe fails failureThreshold times in a row; the kubelet kills {name} (SIGTERM, then SIGKILL after {grace} s).',
  'explain.probe.startup':
    'The startup probe fails failureThreshold times; the kubelet kills {name}. Liveness and readiness wait for startup to pass.',
  'explain.probe.readiness':
    'Readiness fails: {name} turns not ready, READY drops and the Pod leaves Service endpoints. Nothing restarts.',
  'explain.probe.never': 'restartPolicy Never: it is killed and not started again.',
  'explain.probe.recover': 'The probes of {name} pass again from their next period.',
  'explain.pull.any':
    'The registry starts refusing pulls: the next pull fails with ErrImagePull, then ImagePullBackOff.',
  'explain.pull.lead':
    'The registry refuses {image}: the next pull fails with ErrImagePull, then ImagePullBackOff (10 s, doubling to 300 s).',
  'explain.pull.never': 'imagePullPolicy Never: the kubelet never pulls, so nothing changes.',
  'explain.pull.ifNotPresent':
    'IfNotPresent and the image is already on {node}: no pull happens, so restarts are not affected.',
  'explain.pull.always':
    'imagePullPolicy Always: the next start of this container pulls, and fails.',
  'explain.sandbox.lead':
    'The pause container holds the Pod’s namespaces. Without it the kubelet kills every container and creates sandbox attempt {attempt}, perhaps with a new IP.',
  'explain.sandbox.init': 'Then the init containers run again from #1, in order.',
  'explain.sandbox.noInit': 'Then every app container starts again.',
  'explain.sandbox.never':
    'restartPolicy Never and the containers already ran: the kubelet kills the Pod and does not rebuild it.',
  'explain.delete.lead':
    'The API server sets deletionTimestamp: STATUS Terminating. Each container gets SIGTERM, then SIGKILL after {grace} s; sidecars stop last. Nothing restarts.',
  'explain.delete.bare': 'A bare Pod is not replaced: it is gone for good.',
  'explain.delete.owned': '{owner} notices one Pod less and creates a replacement.',
  'explain.node.fail':
    'The kubelet on {node} stops reporting: after 50 s the node is NotReady, after 300 s its Pods are evicted.',
  'explain.node.bare': 'A bare Pod on that node is lost: nothing recreates it.',
  'explain.node.recover': 'The kubelet on {node} reports again: the node turns Ready.',
  'explain.service.create':
    'A Service selects Pods by label; only ready Pods are in its endpoints and get traffic.',
  'explain.service.delete': 'The Service and its endpoints go away; the Pod itself is untouched.',
  'explain.na.gone': 'The Pod is gone.',
  'explain.na.notRunning': '{name} is not running.',
  'explain.na.noProbe': '{name} has no {probe}.',

  'explain.concept.restart': 'container restart policy and CrashLoopBackOff',
  'explain.concept.states': 'container states',
  'explain.concept.phase': 'Pod phase',
  'explain.concept.init': 'init containers',
  'explain.concept.images': 'image pull policy',
  'explain.concept.conditions': 'Pod conditions and readiness',
  'explain.concept.termination': 'Pod termination',
  'explain.why.whereInit':
    'It is an init container: the Pod stays Pending and no app container starts meanwhile.',
  'explain.why.whereApp': 'The other containers keep running.',
  'explain.why.whereOnly':
    "It is the Pod's only container, so nothing of the app runs during the wait; the Pod keeps its sandbox and its IP.",
  'explain.why.crashLoop':
    'The container exited and will be restarted (restartPolicy {policy}), but the kubelet waits first: 10 s, 20 s, 40 s … at most 5 min between tries, all in cluster time. The ring shows the wait.',
  'explain.why.error': 'The container exited with a non-zero code; the runtime reports {reason}.',
  'explain.why.oomKilled':
    'The kernel killed the container for using more memory than its limit (exit 137).',
  'explain.why.errorInit':
    'For an init container, Always and OnFailure restart it; Never fails the Pod.',
  'explain.why.errorApp':
    'kubectl shows it between two restarts, or for good if restartPolicy does not restart it.',
  'explain.why.completed':
    'The container exited with code 0. A Pod whose containers all finished shows Completed.',
  'explain.why.pull':
    '{reason}: the image could not be pulled. The kubelet retries with a back-off of 10 s, doubling to 300 s.',
  'explain.why.neverPull':
    'imagePullPolicy Never and the image is not on the node: the kubelet will not pull it.',
  'explain.why.podInitializing':
    'All init containers have finished; the app containers are being created (image, create, start).',
  'explain.why.podInitializingInit':
    'The Pod has init containers, so a container that has not started yet waits with reason PodInitializing.',
  'explain.why.creating':
    'The kubelet is creating the container: the sandbox first, then the image pull (if the policy asks), create, start.',
  'explain.why.running':
    'Phase Running: the Pod is bound to a node and at least one container is running (or restarting). It does not mean ready.',
  'explain.why.runningContainer': 'The container’s process has started and has not exited.',
  'explain.why.initProgress':
    '{done} of {total} init containers are done. They run one at a time, in order; the app containers wait for all of them.',
  'explain.why.pending':
    'Phase Pending: accepted by the cluster, but not every container is running yet: init containers, image pulls or back-off.',
  'explain.why.succeeded': 'Every container exited 0 and none will restart.',
  'explain.why.failed':
    'Every container has stopped and at least one failed, and none will restart.',
  'explain.why.terminating':
    'deletionTimestamp is set. Each container gets SIGTERM; after terminationGracePeriodSeconds ({grace} s) SIGKILL. Nothing is restarted any more.',
  'explain.why.unknown':
    'The node stopped reporting: the control plane does not know the Pod’s state (NodeLost).',
  'explain.why.notReady': 'The containers finished but one is still running and not ready.',
  'explain.why.ready':
    '{ready} of {total} containers are ready. The count is app containers plus native sidecars (not regular init containers); ready means running and passing the readiness probe.',
  'explain.why.restarts':
    '{count}: the sum of restartCount over the containers. The time in brackets is since the last container exit.',
  'explain.why.other': '{reason} is the reason the kubelet gave for this container’s state.',
  'explain.gotcha.exitZeroLoops':
    'Under restartPolicy Always, exit 0 also restarts and also goes into CrashLoopBackOff.',
  'explain.gotcha.firstRestart':
    'The first restart is immediate; back-off starts at the second exit, and resets only after 10 min of running.',
  'explain.gotcha.restartsInit':
    'RESTARTS counts init container restarts only until the Pod is initialized; then only sidecars and app containers.',
  'explain.gotcha.sidecarInit':
    'A native sidecar is an init container with restartPolicy Always: once started it counts as done, so a running sidecar reads Init:1/2.',
  'explain.gotcha.readySidecar': 'Native sidecars count in READY, regular init containers do not.',
  'explain.gotcha.runningNotReady':
    'Running is not ready: a failing readiness probe keeps the Pod out of Service endpoints.',
  'explain.gotcha.latest': 'An image with no tag, or :latest, defaults to imagePullPolicy Always.',
  'explain.gotcha.lazyPull':
    'Images are pulled container by container, at start: a bad app image shows only after the init containers.',
  'explain.gotcha.noPulling':
    'There is no “Pulling” state: pulling is an event while the container waits.',
  'explain.gotcha.oom':
    'An OOM kill is exit 137 like SIGKILL; the reason OOMKilled tells them apart.',
  'explain.gotcha.pid1':
    'A process running as PID 1 has no default signal handlers: if it does not handle SIGTERM it ignores it and dies only at SIGKILL (exit 137).',
  'explain.gotcha.sidecarStop':
    'Sidecars get SIGTERM only after every app container has exited, in reverse order.',
  'anatomy.node.idle': '{name} · no pods',
  'anatomy.lane.initShort': 'Init containers · in order',
  'anatomy.lane.appShort': 'App containers',
  'anatomy.volume.mountedBy': 'mounted by {names}',
  'stage.tools': 'Diagram view',
  'stage.export': 'Export',
  'stage.exportLabel': 'Export the current view as an image',
  'stage.exportPng': 'PNG image',
  'stage.exportSvg': 'SVG image (for slides)',
  'stage.exportFailed': 'Export failed: {reason}',
  'stage.fit': 'Fit',
  'stage.fitLabel': 'Fit the diagram to the stage',
  'stage.fitPartial': 'too big to fit at a readable size: drag to see the rest',
  'stage.zoomIn': 'Zoom in',
  'stage.zoomOut': 'Zoom out',
} as const;
