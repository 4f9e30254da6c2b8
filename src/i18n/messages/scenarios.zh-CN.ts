import type { scenariosEn } from './scenarios.en.ts';

/** 场景库、YAML 编辑器与并排对比。术语遵循 ../shared/reference/glossary-zh.md。 */
export const scenariosZh = {
  'scenario.one-container.title': '单容器 Pod',
  'scenario.one-container.point':
    '最简单的 Pod：只有一个 nginx 容器。kubelet 管理的是 Pod，而不是单独的容器。',
  'scenario.sidecar-shared-volume.title': '通过卷共享文件',
  'scenario.sidecar-shared-volume.point':
    '两个容器挂载同一个 `emptyDir` 卷：一个写入，另一个就能读到，而且容器重启后文件仍在。',
  'scenario.localhost.title': '通过 localhost 通信',
  'scenario.localhost.point':
    '同一 Pod 中的容器共享一个网络命名空间，所以客户端用 `localhost:80` 就能访问 nginx。',
  'scenario.port-conflict.title': '端口冲突',
  'scenario.port-conflict.point':
    '每个 Pod 只有一套端口：第二个 nginx 无法绑定 80 端口，以退出码 1 退出，最终进入 `CrashLoopBackOff`。',
  'scenario.shared-hostname.title': '共用一个主机名',
  'scenario.shared-hostname.point':
    'UTS 命名空间是共享的：每个容器里的 `hostname` 都输出 Pod 的名称。',
  'scenario.share-process-namespace.title': '进程命名空间共享',
  'scenario.share-process-namespace.point':
    '设置 `shareProcessNamespace: true` 后，`ps` 能看到所有容器的进程，`/pause` 是 PID 1，并负责回收僵尸进程。',
  'scenario.sandbox-restart.title': '`pause` 容器终止',
  'scenario.sandbox-restart.point':
    'Pod 沙箱一旦丢失，所有容器都随之停止：kubelet 重建沙箱，并重新运行全部 Init 容器。',
  'scenario.init-containers-order.title': '按顺序运行的 Init 容器',
  'scenario.init-containers-order.point':
    '官方文档中的示例：每个 Init 容器等待一个 Service；两个都成功后应用容器才启动。请先创建 `myservice`，再创建 `mydb`。',
  'scenario.init-failure-always.title': 'Init 容器失败：Always',
  'scenario.init-failure-always.point':
    '在 `Always` 下，失败的 Init 容器会带着回退延迟不断重试（`Init:CrashLoopBackOff`），应用容器一直等待。',
  'scenario.init-failure-onfailure.title': 'Init 容器失败：OnFailure',
  'scenario.init-failure-onfailure.point':
    '在 `OnFailure` 下同样会重试：Init 容器必须成功，其他容器才能运行。',
  'scenario.init-failure-never.title': 'Init 容器失败：Never',
  'scenario.init-failure-never.point':
    '在 `Never` 下，一个 Init 容器失败就会让 Pod 结束：阶段（Phase）为 `Failed`（失败），应用容器永远不会启动。',
  'scenario.native-sidecar.title': '原生边车容器',
  'scenario.native-sidecar.point':
    '设置了 `restartPolicy: Always` 的 Init 容器就是边车（Sidecar）：它先启动，并与应用容器一同运行；即使 Pod 的策略是 `Never`，它崩溃后也会被重启。',
  'scenario.init-never-finishes.title': '同一个日志转发程序作为 Init 容器',
  'scenario.init-never-finishes.point':
    '没有 `restartPolicy: Always` 时，永不退出的 Init 容器会让 Pod 一直停在 `Init:0/1`。',
  'scenario.restart-policy-always.title': 'restartPolicy: Always',
  'scenario.restart-policy-always.point':
    '任何退出都会被重启，包括退出码为 0 的情况。这是默认策略。',
  'scenario.restart-policy-onfailure.title': 'restartPolicy: OnFailure',
  'scenario.restart-policy-onfailure.point':
    '只有退出码非 0 时才重启；以 0 退出的容器保持 `Completed`。',
  'scenario.restart-policy-never.title': 'restartPolicy: Never',
  'scenario.restart-policy-never.point':
    '从不重启；所有容器都停止后 Pod 结束，只要有一个退出码不是 0，阶段就是 `Failed`（失败）。',
  'scenario.crash-loop-backoff.title': 'CrashLoopBackOff',
  'scenario.crash-loop-backoff.point':
    '第一次重启立即发生，之后 kubelet 依次等待 10 秒、20 秒、40 秒……最长 5 分钟。',
  'scenario.busybox-exits-at-once.title': '不带命令的 busybox',
  'scenario.busybox-exits-at-once.point':
    'busybox 的默认命令是 `sh`，没有终端时会立即以 0 退出，所以在 `Always` 下即使“成功”的容器也会进入崩溃循环。',
  'scenario.memory-limit-oom.title': '内存限制生效',
  'scenario.memory-limit-oom.point':
    '文档中的 memory-demo-2：`stress` 申请 250M 内存，而资源限制 `limits.memory` 为 100Mi，于是容器因内存溢出被 `OOMKilled`（退出码 137），重启后进入 `CrashLoopBackOff`。',
  'scenario.image-pull-ifnotpresent.title': 'imagePullPolicy: IfNotPresent',
  'scenario.image-pull-ifnotpresent.point':
    '只有节点上没有该镜像时才拉取：容器重启时发现镜像已存在，不再拉取。',
  'scenario.image-pull-always.title': 'imagePullPolicy: Always',
  'scenario.image-pull-always.point': '每次启动容器都会再次向镜像仓库查询。',
  'scenario.image-pull-never.title': 'imagePullPolicy: Never',
  'scenario.image-pull-never.point': '从不拉取：节点上没有该镜像时报 `ErrImageNeverPull`。',
  'scenario.image-pull-latest.title': ':latest 规则',
  'scenario.image-pull-latest.point':
    '不写 `imagePullPolicy` 时由 API 服务器设置默认值：没有镜像标签或标签为 `:latest` 时为 `Always`，其他标签为 `IfNotPresent`。',
  'scenario.image-pull-error.title': '镜像拉取失败',
  'scenario.image-pull-error.point':
    '镜像仓库拒绝请求：先是 `ErrImagePull`，然后是 `ImagePullBackOff`，每次重试之间的等待越来越长。',
  'scenario.image-tag-typo.title': '镜像标签拼写错误',
  'scenario.image-tag-typo.point':
    '镜像仓库中没有 `nginx:0.0.0-does-not-exist`：拉取以 `not found` 失败（`ErrImagePull`），随后是 `ImagePullBackOff`，容器始终不会启动。',
  'scenario.liveness-probe.title': '存活态探针',
  'scenario.liveness-probe.point': '存活态探针连续失败三次后，kubelet 会杀死容器并重启它。',
  'scenario.readiness-probe.title': '就绪态探针',
  'scenario.readiness-probe.point':
    '就绪态探针失败只会把 Pod 标记为未就绪（`0/1`），不会重启任何容器。',
  'scenario.startup-probe.title': '启动探针',
  'scenario.startup-probe.point':
    '启动探针成功之前，其他探针都不会执行；如果它一直失败，容器会被重启。',
  'scenario.exec-liveness.title': 'exec 存活态探针（文档示例）',
  'scenario.exec-liveness.point':
    '`cat /tmp/healthy` 在 30 秒内成功；文件被删除后探针连续失败三次，kubelet 重启容器。',
  'scenario.http-liveness.title': 'HTTP 存活态探针（agnhost）',
  'scenario.http-liveness.point':
    '文档中的 agnhost 服务器在前 10 秒对 `/healthz` 返回 200，之后返回 500：存活态探针失败，容器被重启。',
  'scenario.tcp-probes.title': 'TCP 存活态与就绪态探针',
  'scenario.tcp-probes.point':
    'goproxy 监听 8080 端口：`initialDelaySeconds` 过后 TCP 探针连接成功，Pod 变为就绪。',
  'scenario.startup-slow-starter.title': '启动探针保护慢启动容器',
  'scenario.startup-slow-starter.point':
    '服务器需要 45 秒才开始监听。启动探针允许 30 × 10 秒，因此严格的存活态探针要等它启动后才开始执行。',
  'scenario.readiness-wrong-port.title': '就绪态探针探测了错误的端口',
  'scenario.readiness-wrong-port.point':
    'nginx 监听 80 端口，但探针连接 8080：每次都被拒绝，Pod 永远不会就绪，也不会有任何重启。',
  'scenario.poststart-failing.title': '失败的 postStart 回调',
  'scenario.poststart-failing.point':
    'postStart 命令以非零状态退出：`FailedPostStartHook`，容器被杀死并以回退方式重启。',
  'scenario.graceful-termination.title': '体面终止与 PID 1',
  'scenario.graceful-termination.point':
    '删除 Pod：nginx 和设置了 `trap` 的 shell 收到 `SIGTERM` 后退出；作为 PID 1 的 `sleep` 忽略该信号，宽限期结束后被杀死（退出码 137）。',
  'scenario.bare-pod-node-failure.title': '故障节点上的裸 Pod',
  'scenario.bare-pod-node-failure.point':
    '没有控制器管理它：节点故障后 Pod 被驱逐，之后再也没有替代者。',
  'scenario.replicaset-node-failure.title': '故障节点上的 ReplicaSet',
  'scenario.replicaset-node-failure.point':
    'ReplicaSet 保持 2 个副本：随 node-1 丢失的 Pod 在 node-2 上重新创建。Pod 只会被替换，不会被迁移。',
  'scenario.deployment-init-image.title': '上线新的 Init 容器镜像',
  'scenario.deployment-init-image.point':
    '修改 Deployment 中 Init 容器的镜像会创建新的 Pod：滚动更新逐个替换旧 Pod。',

  'topic.pod': 'Pod',
  'topic.pause': '`pause` 容器',
  'topic.namespaces': '命名空间',
  'topic.volumes': '卷',
  'topic.init': 'Init 容器',
  'topic.sidecar': '边车容器',
  'topic.restart-policy': '重启策略',
  'topic.image-pull': '镜像拉取策略',
  'topic.probes': '探针',
  'topic.termination': '终止',
  'topic.controllers': '控制器',

  'gallery.title': '场景库',
  'gallery.close': '关闭',
  'gallery.filter': '主题',
  'gallery.all': '全部主题',
  'gallery.load': '加载“{title}”',
  'gallery.loadShort': '加载',
  'gallery.pending': '预览：模拟器目前还无法完整展示这个场景。',
  'gallery.count': '共 {count} 个场景',

  'editor.title': '清单',
  'editor.label': 'Pod 清单（YAML）',
  'editor.apply': '应用',
  'editor.applyHint': '应用后，模拟会使用这份清单从头重新开始。',
  'editor.applied': '已应用：模拟已使用你的清单重新开始。',
  'editor.rejected': '模拟器拒绝了这份清单（你的文本已保留）：{message}',
  'editor.appliedDropped': '已应用，去掉了只由服务器写入的字段（{fields}）：模拟已重新开始。',
  'editor.valid': '没有发现问题。',
  'editor.problems': '发现 {count} 个问题，修正后才能应用。',
  'editor.problemAt': '第 {line} 行：{message}',
  'editor.saved': '已保存在本浏览器中。',
  'editor.revert': '恢复为正在运行的清单',
  'editor.import': '导入',
  'editor.importLabel':
    '粘贴一个 Pod、ReplicaSet 或 Deployment（YAML 或 JSON），例如 kubectl get pod -o yaml 的输出',
  'editor.importDo': '导入到编辑器',
  'editor.imported': '已导入一个 {kind}。为进行模拟而去掉的字段：{fields}。',
  'editor.importedClean': '已导入一个 {kind}。',
  'editor.importFailed': '无法导入：{message}',
  'editor.snapshot': '查看粘贴的原文',
  'editor.snapshotTitle': '粘贴的原文（静态快照，不参与模拟）',
  'editor.export': '导出',
  'editor.exportTitle': '当前 Pod，与 kubectl get pod -o yaml 的输出一致',
  'editor.exportNone': '还没有 Pod：请先播放。',
  'editor.copy': '复制',
  'editor.copied': '已复制。',
  'editor.close': '关闭',

  'compare.title': '并排对比',
  'compare.pair': '对比组',
  'compare.left': '左侧',
  'compare.right': '右侧',
  'compare.play': '同时播放',
  'compare.pause': '同时暂停',
  'compare.restart': '同时重新开始',
  'compare.close': '关闭',
  'compare.clock': '共用的集群时间',
  'compare.noPod': '还没有 Pod',
  'compare.seek': '两个模拟共用的集群时间',
  'compare.speed': '倍速',
} as const satisfies Record<keyof typeof scenariosEn, string>;
