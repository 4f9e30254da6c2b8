/**
 * The run Podscope opens with: an init container that prepares the web root, a native sidecar
 * that tails nginx's access log, and nginx itself, sharing two emptyDir volumes.
 * (A scenario gallery will replace this later.)
 */
export const DEFAULT_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  shareProcessNamespace: false
  initContainers:
    - name: init-html
      image: busybox:1.36
      command: ['sh', '-c', 'echo "<h1>hello</h1>" > /work/index.html']
      volumeMounts:
        - name: html
          mountPath: /work
    - name: log-agent
      image: busybox
      restartPolicy: Always
      command: ['sh', '-c', 'while true; do tail -n 1 /var/log/nginx/access.log; sleep 5; done']
      volumeMounts:
        - name: shared-logs
          mountPath: /var/log/nginx
  containers:
    - name: web
      image: nginx:1.25
      ports:
        - containerPort: 80
      readinessProbe:
        httpGet:
          path: /
          port: 80
        periodSeconds: 5
      livenessProbe:
        httpGet:
          path: /
          port: 80
        periodSeconds: 10
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
        - name: shared-logs
          mountPath: /var/log/nginx
  volumes:
    - name: html
      emptyDir: {}
    - name: shared-logs
      emptyDir: {}
`;

export const DEFAULT_RUN = { manifest: DEFAULT_MANIFEST, seed: 1, actions: [] };
