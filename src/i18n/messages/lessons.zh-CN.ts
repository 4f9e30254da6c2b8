import type { lessonsEn } from './lessons.en.ts';

/** 引导式课程，按原文的各节组织（用自己的话写成）。术语遵循 glossary-zh.md。 */
export const lessonsZh = {
  'lessons.title': '引导式课程',
  'lessons.close': '关闭',
  'lessons.list': '全部课程',
  'lessons.start': '开始',
  'lessons.continue': '继续',
  'lessons.review': '复习',
  'lessons.progress': '已完成 {done}/{total} 步',
  'lessons.stepOf': '第 {n} 步，共 {total} 步',
  'lessons.predict': '先预测一下',
  'lessons.play': '播放并观察',
  'lessons.playing': '正在以 {speed}× 倍速播放……',
  'lessons.right': '答对了。',
  'lessons.wrong': '不太对。',
  'lessons.yourMove': '轮到你操作',
  'lessons.actionLater': 'Pod 到达相应状态后才能操作，请继续观察。',
  'lessons.acted': '已执行。现在看看 kubelet 怎么做。',
  'lessons.expect': '请留意：{what}',
  'lessons.reached': '已达到：{what}',
  'lessons.next': '下一步',
  'lessons.finish': '完成本课',
  'lessons.complete': '本课已完成，做得好！',
  'lessons.reset': '重置学习进度',
  'lessons.scenario': '场景：{title}',

  'lesson.pod.title': 'Pod 是什么',
  'lesson.pod.summary': 'Kubernetes 运行的最小单元：一个或多个同生共死的容器。',
  'lesson.pod.one.text':
    'Kubernetes 从不单独运行容器：它运行的是 Pod，容器装在 Pod 里。大多数 Pod 只有一个容器。节点上的 kubelet 负责照看 Pod 里的一切。',
  'lesson.pod.one.question': '这份清单只列出一个容器。节点上实际为它运行了几个容器？',
  'lesson.pod.one.choice.0': '一个：nginx',
  'lesson.pod.one.choice.1': '两个：nginx 加上隐藏的 `pause` 容器',
  'lesson.pod.one.choice.2': '在 Service 创建之前一个也没有',
  'lesson.pod.one.why':
    '每个 Pod 都有一个 Pod 沙箱，即 `pause` 容器，它持有 Pod 共享的 Linux 命名空间，nginx 加入其中。',
  'lesson.pod.one.action': '让 nginx 容器崩溃',
  'lesson.pod.one.check': 'nginx 在同一个 Pod 内重启（RESTARTS 为 1），Pod 仍是 Running',
  'lesson.pod.volume.text':
    '一个 Pod 可以包含几个紧密协作、共享存储的容器。这里写入者向 `emptyDir` 卷中的文件追加内容，读取者把它打印出来。',
  'lesson.pod.volume.question': '如果写入者容器崩溃并被重启，共享的文件会怎样？',
  'lesson.pod.volume.choice.0': '文件还在：卷属于 Pod，而不属于某个容器',
  'lesson.pod.volume.choice.1': '文件随崩溃的容器一起丢失',
  'lesson.pod.volume.choice.2': '读取者也会崩溃',
  'lesson.pod.volume.why': '`emptyDir` 卷与 Pod 的生命期相同。写在卷以外的文件才会随容器一起丢失。',
  'lesson.pod.volume.action': '让写入者崩溃',
  'lesson.pod.volume.check': '写入者已重启，读取者一直在运行',

  'lesson.pause.title': '`pause` 容器与命名空间',
  'lesson.pause.summary':
    '一个很小的容器持有网络、UTS 和 IPC 命名空间，Pod 中的所有容器都加入这些命名空间。',
  'lesson.pause.hostname.text':
    '`pause` 容器最先启动，几乎什么也不做：它的作用就是持有 Pod 的命名空间，其他容器都加入进来。',
  'lesson.pause.hostname.question': '两个容器都执行 `hostname`，它们会输出什么？',
  'lesson.pause.hostname.choice.0': '相同的内容：Pod 的名称',
  'lesson.pause.hostname.choice.1': '各自的容器名称',
  'lesson.pause.hostname.choice.2': '节点的名称',
  'lesson.pause.hostname.why':
    '它们共享同一个 UTS 命名空间，主机名就是 Pod 的名称（或 `spec.hostname`）。',
  'lesson.pause.hostname.action': '杀死 `pause` 容器',
  'lesson.pause.hostname.check': '两个容器都在新沙箱中重新运行，日志中打印的仍是 Pod 名称',
  'lesson.pause.localhost.text': '网络命名空间也是共享的：整个 Pod 只有一个 IP 地址和一套端口。',
  'lesson.pause.localhost.question': '客户端容器如何访问 nginx？',
  'lesson.pause.localhost.choice.0': '通过 `localhost:80`',
  'lesson.pause.localhost.choice.1': '只能通过 Service',
  'lesson.pause.localhost.choice.2': '无法访问：容器之间相互隔离',
  'lesson.pause.localhost.why':
    '同一个网络命名空间意味着同一个回环接口。反过来，两个容器也不能同时监听 80 端口。',
  'lesson.pause.localhost.action': '让 nginx 崩溃',
  'lesson.pause.localhost.check': 'nginx 在同一端口上重启，客户端一直在运行',
  'lesson.pause.sandbox.text':
    '命名空间由 `pause` 容器持有，所以失去它就等于失去了 Pod 的运行环境。',
  'lesson.pause.sandbox.question': '如果 `pause` 容器终止，已经完成的 Init 容器会怎样？',
  'lesson.pause.sandbox.choice.0': '在新的沙箱中重新运行',
  'lesson.pause.sandbox.choice.1': '跳过，因为它已经成功过',
  'lesson.pause.sandbox.choice.2': 'Pod 被删除',
  'lesson.pause.sandbox.why':
    'kubelet 会杀死所有容器，创建新的沙箱（IP 地址可能改变），然后从第一个 Init 容器开始重来。',
  'lesson.pause.sandbox.action': '杀死 `pause` 容器',
  'lesson.pause.sandbox.check': '重建后 nginx 再次运行（RESTARTS ≥ 1）',

  'lesson.containers.title': '容器的种类',
  'lesson.containers.summary':
    'Init 容器逐个运行直到完成；之后应用容器一起运行；边车（Sidecar）容器在旁边一直运行。',
  'lesson.containers.init.text':
    'Init 容器按顺序逐个运行，每个都要成功退出，之后应用容器才会启动。这是 Kubernetes 文档中的示例：两个 Init 容器分别等待两个 Service。',
  'lesson.containers.init.question': '应用容器什么时候启动？',
  'lesson.containers.init.choice.0': '立即启动，与 Init 容器同时运行',
  'lesson.containers.init.choice.1': '`myservice` 一创建就启动',
  'lesson.containers.init.choice.2': '`myservice` 和 `mydb` 都存在之后才启动',
  'lesson.containers.init.why':
    '每个 Init 容器必须以 0 退出，下一个才会启动；应用容器要等所有 Init 容器完成。',
  'lesson.containers.init.action': '创建 Service myservice 和 mydb',
  'lesson.containers.init.check': '应用容器在运行，Pod 为 Running',
  'lesson.containers.init-never.text': 'Init 容器失败会怎样？这取决于 Pod 的 `restartPolicy`。',
  'lesson.containers.init-never.question':
    '在 `restartPolicy: Never` 下，Init 容器以退出码 1 退出，会发生什么？',
  'lesson.containers.init-never.choice.0': '不断重试直到成功',
  'lesson.containers.init-never.choice.1': 'Pod 失败，应用容器永远不会启动',
  'lesson.containers.init-never.choice.2': '应用容器照常启动',
  'lesson.containers.init-never.why':
    '在 `Always` 或 `OnFailure` 下，Init 容器会带着回退延迟重试；在 `Never` 下 Pod 进入 `Failed`（失败）阶段。',
  'lesson.containers.init-never.action': '让 Init 容器失败（退出码 1）',
  'lesson.containers.init-never.check': 'STATUS 为 Init:Error，阶段为 Failed，没有重启',
  'lesson.containers.sidecar.text':
    '边车（Sidecar）容器就是设置了 `restartPolicy: Always` 的 Init 容器：它在应用容器之前启动，并一直在旁边运行。',
  'lesson.containers.sidecar.question':
    'Pod 的 `restartPolicy` 是 `Never`，边车容器崩溃了，会发生什么？',
  'lesson.containers.sidecar.choice.0': '照样被重启',
  'lesson.containers.sidecar.choice.1': '保持终止状态',
  'lesson.containers.sidecar.choice.2': '整个 Pod 失败',
  'lesson.containers.sidecar.why':
    '边车容器自己的 `restartPolicy: Always` 优先：无论 Pod 的策略是什么，它都会被重启。',
  'lesson.containers.sidecar.action': '让边车容器崩溃',
  'lesson.containers.sidecar.check': '边车容器已重启，应用容器仍在运行',

  'lesson.images.title': '镜像拉取策略',
  'lesson.images.summary':
    '`IfNotPresent`、`Always` 和 `Never` 决定 kubelet 在启动容器前是否访问镜像仓库。',
  'lesson.images.ifnotpresent.text':
    '`IfNotPresent` 只在节点上没有该镜像时才拉取。留意事件：第一次启动时会拉取。',
  'lesson.images.ifnotpresent.question': '容器崩溃后重启，镜像会再拉取一次吗？',
  'lesson.images.ifnotpresent.choice.0': '会，每次启动都拉取',
  'lesson.images.ifnotpresent.choice.1': '不会，节点上已经有了',
  'lesson.images.ifnotpresent.why': '重启时节点上已有该镜像：事件会说明镜像已存在于本机。',
  'lesson.images.ifnotpresent.action': '让容器崩溃',
  'lesson.images.ifnotpresent.check': '容器再次运行，没有重新拉取',
  'lesson.images.latest.text': '如果不写 `imagePullPolicy`，API 服务器会根据镜像标签填入默认值。',
  'lesson.images.latest.question': '`nginx:latest` 会得到哪种策略？',
  'lesson.images.latest.choice.0': '`Always`',
  'lesson.images.latest.choice.1': '`IfNotPresent`',
  'lesson.images.latest.choice.2': '`Never`',
  'lesson.images.latest.why':
    '没有镜像标签或标签为 `:latest` 时为 `Always`，其他标签为 `IfNotPresent`。所以 `nginx:latest` 重启时需要访问镜像仓库。',
  'lesson.images.latest.action': '让镜像仓库出故障，并让 :latest 容器崩溃',
  'lesson.images.latest.check': ':latest 容器卡在 ErrImagePull 或 ImagePullBackOff',
  'lesson.images.never.text': '`Never` 完全信任节点：镜像必须已经在节点上。',
  'lesson.images.never.question': '节点上没有该镜像，策略是 `Never`，会发生什么？',
  'lesson.images.never.choice.0': 'kubelet 还是会拉取一次',
  'lesson.images.never.choice.1': '容器在没有镜像的情况下运行',
  'lesson.images.never.choice.2': '以 ErrImageNeverPull 等待',
  'lesson.images.never.why': '在 `Never` 下 kubelet 从不访问镜像仓库，容器无法创建。',
  'lesson.images.never.check': 'STATUS 为 ErrImageNeverPull：容器处于等待',

  'lesson.restart.title': '重启策略',
  'lesson.restart.summary':
    '`restartPolicy` 告诉 kubelet 容器退出后该怎么做：`Always`、`OnFailure` 或 `Never`。',
  'lesson.restart.always.text':
    '`Always` 是默认值。这里运行着两个容器，你将让其中一个以退出码 0 正常退出。',
  'lesson.restart.always.question': '在 `Always` 下，以 0 退出的容器会被重启吗？',
  'lesson.restart.always.choice.0': '会',
  'lesson.restart.always.choice.1': '不会，它已经成功完成',
  'lesson.restart.always.why': '`Always` 指任何退出，包括成功退出。',
  'lesson.restart.always.action': '让 finisher 以退出码 0 停止',
  'lesson.restart.always.check': 'finisher 已重启（RESTARTS 为 1）',
  'lesson.restart.onfailure.text':
    '现在是同一个 Pod，但 `restartPolicy: OnFailure`。一个容器以 0 退出，另一个以 1 退出。',
  'lesson.restart.onfailure.question': '哪些容器会被重启？',
  'lesson.restart.onfailure.choice.0': '两个都会',
  'lesson.restart.onfailure.choice.1': '只有以 1 退出的那个',
  'lesson.restart.onfailure.choice.2': '都不会',
  'lesson.restart.onfailure.why':
    '`OnFailure` 只重启退出码非 0 的容器；以 0 退出的保持 `Completed`。',
  'lesson.restart.onfailure.action': '让 finisher（退出码 0）和 failer（退出码 1）停止',
  'lesson.restart.onfailure.check': 'finisher 为 Completed，failer 已重启',
  'lesson.restart.never.text':
    '现在把 Pod 改为 `restartPolicy: Never`，再运行一遍：finisher 以 0 退出，failer 以 1 退出。',
  'lesson.restart.never.question': '在 `Never` 下，failer 以退出码 1 退出后会怎样？',
  'lesson.restart.never.choice.0': '回退一段时间后重启它',
  'lesson.restart.never.choice.1': '重新创建 Pod',
  'lesson.restart.never.choice.2': '什么也不做：它以 Error 保持终止',
  'lesson.restart.never.why': 'Kubernetes 从不重启 Pod；在 `Never` 下连容器也不重启。',
  'lesson.restart.never.action': '把 restartPolicy 改为 Never（模拟从头重新开始）',
  'lesson.restart.never.check': 'failer 已终止（Error，退出码 1），没有任何重启，Pod 为 Failed',
  'lesson.restart.backoff.text': '反复失败的容器会被重启，但间隔越来越长。这个容器会崩溃三次。',
  'lesson.restart.backoff.question': '第二次崩溃后，kubelet 等多久再重启？',
  'lesson.restart.backoff.choice.0': '完全不等',
  'lesson.restart.backoff.choice.1': '10 秒，之后每次翻倍',
  'lesson.restart.backoff.choice.2': '总是 5 分钟',
  'lesson.restart.backoff.why':
    '第一次重启立即进行，之后是 10 秒、20 秒、40 秒……最长 300 秒：这段等待就是 `CrashLoopBackOff`。',
  'lesson.restart.backoff.check': '重启 2 次后 STATUS 为 CrashLoopBackOff',

  'lesson.controllers.title': '裸 Pod 与受控制器管理的 Pod',
  'lesson.controllers.summary':
    '单独的 Pod 不会自我修复；ReplicaSet 这样的控制器会替换丢失的 Pod。',
  'lesson.controllers.bare.text':
    '裸 Pod 是直接创建、没有控制器管理的 Pod。它会一直留在所在节点上，直到结束、被删除或被驱逐。',
  'lesson.controllers.bare.question': '它所在的节点发生故障，这个 Pod 会怎样？',
  'lesson.controllers.bare.choice.0': '迁移到健康的节点',
  'lesson.controllers.bare.choice.1': '被 kubelet 重启',
  'lesson.controllers.bare.choice.2': '被驱逐，且没有替代者',
  'lesson.controllers.bare.why':
    '50 秒后节点变为 NotReady，300 秒后节点上的 Pod 被驱逐。没有谁会重新创建裸 Pod。',
  'lesson.controllers.bare.action': '让节点发生故障',
  'lesson.controllers.bare.check': 'Pod 已被标记删除，并且没有替代者',
  'lesson.controllers.replicaset.text':
    '同样的故障，换成一个期望 2 个副本的 ReplicaSet，每个节点上各有一个。',
  'lesson.controllers.replicaset.question': 'node-1 发生故障，会发生什么？',
  'lesson.controllers.replicaset.choice.0': '在 node-2 上创建一个新的 Pod',
  'lesson.controllers.replicaset.choice.1': 'node-1 上的 Pod 迁移到 node-2',
  'lesson.controllers.replicaset.choice.2': '什么也不发生，和裸 Pod 一样',
  'lesson.controllers.replicaset.why':
    'Pod 从不迁移或复活：ReplicaSet 发现少了一个副本，就创建一个名称不同的新 Pod。',
  'lesson.controllers.replicaset.action': '让 node-1 发生故障',
  'lesson.controllers.replicaset.check': '已创建替代 Pod，2 个 Pod 为 Running',
} as const satisfies Record<keyof typeof lessonsEn, string>;
