/**
 * Guided lessons, one per section of the article (written in our own words). Keys:
 * `lesson.<lesson>.title|summary` and `lesson.<lesson>.<step>.text|question|choice.N|why|action|check`.
 */
export const lessonsEn = {
  // Lesson panel
  'lessons.title': 'Guided lessons',
  'lessons.close': 'Close',
  'lessons.list': 'All lessons',
  'lessons.start': 'Start',
  'lessons.continue': 'Continue',
  'lessons.review': 'Review',
  'lessons.progress': '{done} of {total} steps done',
  'lessons.stepOf': 'Step {n} of {total}',
  'lessons.predict': 'Predict first',
  'lessons.play': 'Play and watch',
  'lessons.playing': 'Playing at {speed}×…',
  'lessons.right': 'Right.',
  'lessons.wrong': 'Not quite.',
  'lessons.yourMove': 'Your move',
  'lessons.actionLater': 'This becomes possible once the pod gets there — keep watching.',
  'lessons.acted': 'Done. Now watch what the kubelet does.',
  'lessons.expect': 'Look for: {what}',
  'lessons.reached': 'Reached: {what}',
  'lessons.next': 'Next step',
  'lessons.finish': 'Finish the lesson',
  'lessons.complete': 'Lesson complete. Well done!',
  'lessons.reset': 'Reset my progress',
  'lessons.scenario': 'Scenario: {title}',

  // 1. What a pod is
  'lesson.pod.title': 'What a pod is',
  'lesson.pod.summary':
    'The smallest thing Kubernetes runs: one or more containers that live and move together.',
  'lesson.pod.one.text':
    'Kubernetes never runs a container on its own: it runs a pod, and the pod holds the containers. Most pods hold exactly one. The kubelet on the node looks after everything inside the pod.',
  'lesson.pod.one.question':
    'This manifest lists one container. How many containers does the node actually run for it?',
  'lesson.pod.one.choice.0': 'One: nginx',
  'lesson.pod.one.choice.1': 'Two: nginx plus the hidden `pause` container',
  'lesson.pod.one.choice.2': 'None until a Service exists',
  'lesson.pod.one.why':
    'Every pod gets a sandbox — the `pause` container — that holds the pod’s shared namespaces. Your nginx joins it.',
  'lesson.pod.one.action': 'Crash the nginx container',
  'lesson.pod.one.check': 'nginx restarted inside the same pod (RESTARTS 1), pod still Running',
  'lesson.pod.volume.text':
    'A pod may hold several tightly coupled containers that share storage. Here a writer appends to a file in an `emptyDir` volume and a reader prints it.',
  'lesson.pod.volume.question':
    'If the writer container crashes and is restarted, what happens to the shared file?',
  'lesson.pod.volume.choice.0':
    'It is still there: the volume belongs to the pod, not the container',
  'lesson.pod.volume.choice.1': 'It is lost with the crashed container',
  'lesson.pod.volume.choice.2': 'The reader crashes too',
  'lesson.pod.volume.why':
    'An `emptyDir` lives as long as the pod. Files written outside a volume would be lost with the container.',
  'lesson.pod.volume.action': 'Crash the writer',
  'lesson.pod.volume.check': 'the writer restarted and the reader kept running',

  // 2. The pause container and its namespaces
  'lesson.pause.title': 'The pause container and its namespaces',
  'lesson.pause.summary':
    'A tiny container holds the network, UTS and IPC namespaces that all containers of the pod join.',
  'lesson.pause.hostname.text':
    'The `pause` container starts first and does almost nothing: it exists to own the pod’s namespaces. Every other container joins them.',
  'lesson.pause.hostname.question': 'Both containers run `hostname`. What do they print?',
  'lesson.pause.hostname.choice.0': 'The same: the pod’s name',
  'lesson.pause.hostname.choice.1': 'Each its own container name',
  'lesson.pause.hostname.choice.2': 'The node’s name',
  'lesson.pause.hostname.why':
    'They share one UTS namespace, whose hostname is the pod’s name (or `spec.hostname`).',
  'lesson.pause.hostname.action': 'Kill the pause container',
  'lesson.pause.hostname.check':
    'both containers running again in the new sandbox — their logs still print the pod name',
  'lesson.pause.localhost.text':
    'The network namespace is shared too: one IP address and one set of ports for the whole pod.',
  'lesson.pause.localhost.question': 'How does the client container reach nginx?',
  'lesson.pause.localhost.choice.0': 'At `localhost:80`',
  'lesson.pause.localhost.choice.1': 'Only through a Service',
  'lesson.pause.localhost.choice.2': 'It cannot: containers are isolated',
  'lesson.pause.localhost.why':
    'Same network namespace, so same loopback. The flip side: two containers cannot both listen on port 80.',
  'lesson.pause.localhost.action': 'Crash nginx',
  'lesson.pause.localhost.check': 'nginx restarted on the same port; the client kept running',
  'lesson.pause.sandbox.text':
    'Because the `pause` container holds the namespaces, losing it means losing the pod’s environment.',
  'lesson.pause.sandbox.question':
    'If the `pause` container dies, what happens to the init container that already finished?',
  'lesson.pause.sandbox.choice.0': 'It runs again, in a new sandbox',
  'lesson.pause.sandbox.choice.1': 'It is skipped: it already succeeded',
  'lesson.pause.sandbox.choice.2': 'The pod is deleted',
  'lesson.pause.sandbox.why':
    'The kubelet kills everything, creates a new sandbox (maybe with a new IP) and starts over from the first init container.',
  'lesson.pause.sandbox.action': 'Kill the pause container',
  'lesson.pause.sandbox.check': 'nginx running again after the rebuild (RESTARTS ≥ 1)',

  // 3. The three kinds of containers
  'lesson.containers.title': 'The kinds of containers',
  'lesson.containers.summary':
    'Init containers run one by one to completion; app containers then run together; sidecars run beside them.',
  'lesson.containers.init.text':
    'Init containers run in order, each to success, before any app container starts. This is the example from the Kubernetes docs: two init containers wait for two Services.',
  'lesson.containers.init.question': 'When does the app container start?',
  'lesson.containers.init.choice.0': 'Right away, beside the init containers',
  'lesson.containers.init.choice.1': 'As soon as `myservice` exists',
  'lesson.containers.init.choice.2': 'Only after both `myservice` and `mydb` exist',
  'lesson.containers.init.why':
    'Each init container must exit 0 before the next one starts; the app waits for all of them.',
  'lesson.containers.init.action': 'Create the Services myservice and mydb',
  'lesson.containers.init.check': 'the app container running, pod Running',
  'lesson.containers.init-never.text':
    'What if an init container fails? It depends on the pod’s `restartPolicy`.',
  'lesson.containers.init-never.question':
    'With `restartPolicy: Never`, the init container exits 1. What happens?',
  'lesson.containers.init-never.choice.0': 'It is retried until it succeeds',
  'lesson.containers.init-never.choice.1': 'The pod fails and the app never starts',
  'lesson.containers.init-never.choice.2': 'The app starts anyway',
  'lesson.containers.init-never.why':
    'Under `Always` or `OnFailure` the init container is retried with back-off; under `Never` the pod is `Failed`.',
  'lesson.containers.init-never.action': 'Make the init container fail (exit 1)',
  'lesson.containers.init-never.check': 'STATUS Init:Error, phase Failed, no restart',
  'lesson.containers.sidecar.text':
    'A sidecar is an init container with `restartPolicy: Always`: it starts before the app and keeps running beside it.',
  'lesson.containers.sidecar.question':
    'The pod says `restartPolicy: Never`. The sidecar crashes. What happens?',
  'lesson.containers.sidecar.choice.0': 'It is restarted anyway',
  'lesson.containers.sidecar.choice.1': 'It stays terminated',
  'lesson.containers.sidecar.choice.2': 'The whole pod fails',
  'lesson.containers.sidecar.why':
    'A sidecar’s own `restartPolicy: Always` wins: it is restarted whatever the pod’s policy.',
  'lesson.containers.sidecar.action': 'Crash the sidecar',
  'lesson.containers.sidecar.check': 'the sidecar restarted, the app still running',

  // 4. Image pull policy
  'lesson.images.title': 'Image pull policy',
  'lesson.images.summary':
    '`IfNotPresent`, `Always` and `Never` decide whether the kubelet asks the registry before starting a container.',
  'lesson.images.ifnotpresent.text':
    '`IfNotPresent` pulls only when the node lacks the image. Watch the events: the first start pulls.',
  'lesson.images.ifnotpresent.question':
    'The container crashes and restarts. Is the image pulled again?',
  'lesson.images.ifnotpresent.choice.0': 'Yes, every start pulls',
  'lesson.images.ifnotpresent.choice.1': 'No, it is already present on the node',
  'lesson.images.ifnotpresent.why':
    'The restart finds the image on the node: the event says it is already present on the machine.',
  'lesson.images.ifnotpresent.action': 'Crash the container',
  'lesson.images.ifnotpresent.check': 'the container running again without a new pull',
  'lesson.images.latest.text':
    'If you leave `imagePullPolicy` out, the API server fills it in from the image’s tag.',
  'lesson.images.latest.question': 'Which policy does `nginx:latest` get?',
  'lesson.images.latest.choice.0': '`Always`',
  'lesson.images.latest.choice.1': '`IfNotPresent`',
  'lesson.images.latest.choice.2': '`Never`',
  'lesson.images.latest.why':
    'No tag or `:latest` means `Always`; any other tag means `IfNotPresent`. So a restart of `nginx:latest` needs the registry.',
  'lesson.images.latest.action': 'Break the registry and crash the :latest container',
  'lesson.images.latest.check': 'the :latest container stuck on ErrImagePull or ImagePullBackOff',
  'lesson.images.never.text': '`Never` trusts the node: the image must already be there.',
  'lesson.images.never.question':
    'The image is not on the node and the policy is `Never`. What happens?',
  'lesson.images.never.choice.0': 'The kubelet pulls it once anyway',
  'lesson.images.never.choice.1': 'The container runs without an image',
  'lesson.images.never.choice.2': 'It waits with ErrImageNeverPull',
  'lesson.images.never.why':
    'The kubelet never contacts the registry under `Never`; the container cannot be created.',
  'lesson.images.never.check': 'STATUS ErrImageNeverPull: the container waits',

  // 5. Restart policy
  'lesson.restart.title': 'Restart policy',
  'lesson.restart.summary':
    '`restartPolicy` tells the kubelet what to do when a container exits: `Always`, `OnFailure` or `Never`.',
  'lesson.restart.always.text':
    '`Always` is the default. Here two containers run; you will stop one with exit code 0 — a clean exit.',
  'lesson.restart.always.question': 'Under `Always`, is a container that exits 0 restarted?',
  'lesson.restart.always.choice.0': 'Yes',
  'lesson.restart.always.choice.1': 'No, it completed successfully',
  'lesson.restart.always.why': '`Always` means any exit, success included.',
  'lesson.restart.always.action': 'Stop “finisher” with exit code 0',
  'lesson.restart.always.check': 'finisher restarted (RESTARTS 1)',
  'lesson.restart.onfailure.text':
    'Now the same pod with `restartPolicy: OnFailure`. One container exits 0, the other exits 1.',
  'lesson.restart.onfailure.question': 'Which containers are restarted?',
  'lesson.restart.onfailure.choice.0': 'Both',
  'lesson.restart.onfailure.choice.1': 'Only the one that exited 1',
  'lesson.restart.onfailure.choice.2': 'Neither',
  'lesson.restart.onfailure.why':
    '`OnFailure` restarts only non-zero exits; exit 0 stays `Completed`.',
  'lesson.restart.onfailure.action': 'Stop finisher (exit 0) and failer (exit 1)',
  'lesson.restart.onfailure.check': 'finisher Completed, failer restarted',
  'lesson.restart.never.text':
    'Now change the pod to `restartPolicy: Never` and replay the same run: finisher exits 0, failer exits 1.',
  'lesson.restart.never.question': 'Under `Never`, what happens to failer after its exit 1?',
  'lesson.restart.never.choice.0': 'Restarts it after a back-off',
  'lesson.restart.never.choice.1': 'Recreates the pod',
  'lesson.restart.never.choice.2': 'Nothing: it stays terminated with Error',
  'lesson.restart.never.why':
    'Kubernetes never restarts a pod; under `Never` it does not even restart the container.',
  'lesson.restart.never.action': 'Change restartPolicy to Never (the run starts again)',
  'lesson.restart.never.check':
    'failer terminated (Error, exit code 1), nothing restarted, pod Failed',
  'lesson.restart.backoff.text':
    'A container that keeps failing is restarted with growing pauses. This one crashes three times.',
  'lesson.restart.backoff.question':
    'After the second crash, how long does the kubelet wait before restarting?',
  'lesson.restart.backoff.choice.0': 'No wait at all',
  'lesson.restart.backoff.choice.1': '10 seconds, then twice as long each time',
  'lesson.restart.backoff.choice.2': 'Always 5 minutes',
  'lesson.restart.backoff.why':
    'The first restart is immediate, then 10 s, 20 s, 40 s… capped at 300 s: that wait is `CrashLoopBackOff`.',
  'lesson.restart.backoff.check': 'STATUS CrashLoopBackOff after 2 restarts',

  // 6. Bare versus controlled pods
  'lesson.controllers.title': 'Bare versus controlled pods',
  'lesson.controllers.summary':
    'A pod alone never heals; a controller such as a ReplicaSet replaces lost pods.',
  'lesson.controllers.bare.text':
    'A bare pod is created directly, with no controller. It stays on its node until it ends, is deleted or evicted.',
  'lesson.controllers.bare.question': 'Its node fails. What becomes of the pod?',
  'lesson.controllers.bare.choice.0': 'It moves to the healthy node',
  'lesson.controllers.bare.choice.1': 'The kubelet restarts it',
  'lesson.controllers.bare.choice.2': 'It is evicted and nothing replaces it',
  'lesson.controllers.bare.why':
    'After 50 s the node is NotReady; after 300 s its pods are evicted. Nobody recreates a bare pod.',
  'lesson.controllers.bare.action': 'Fail the node',
  'lesson.controllers.bare.check': 'the pod marked for deletion, with no replacement',
  'lesson.controllers.replicaset.text':
    'The same failure with a ReplicaSet that wants 2 replicas, one on each node.',
  'lesson.controllers.replicaset.question': 'node-1 fails. What happens?',
  'lesson.controllers.replicaset.choice.0': 'A new pod is created on node-2',
  'lesson.controllers.replicaset.choice.1': 'The pod on node-1 moves to node-2',
  'lesson.controllers.replicaset.choice.2': 'Nothing, like a bare pod',
  'lesson.controllers.replicaset.why':
    'Pods are never moved or revived: the ReplicaSet notices one replica missing and creates a new pod, with a new name.',
  'lesson.controllers.replicaset.action': 'Fail node-1',
  'lesson.controllers.replicaset.check': 'a replacement pod created, 2 pods Running',
} as const;
