/**
 * Which programs an image's file system has on its `$PATH`.
 *
 * The runtime execs a container's `argv[0]` by searching `$PATH` (runc's
 * `exec: "slepp": executable file not found in $PATH`), and a shell looks up
 * each command the same way (`sh: slepp: not found`, status 127). Podscope
 * answers from the image's userland (BusyBox's applets, or a Debian/Ubuntu
 * base system), the programs the image adds (nginx, redis-server …) and the
 * image's own files; a path inside a mounted volume is found when a file is
 * there (or the volume's content is not known to Podscope).
 *
 * Images Podscope does not know are assumed to have the program.
 */
import { resolveImage } from './images.ts';
import type { ResolvedImage } from './images.ts';
import type { ContainerInstance, PodSystem } from './types.ts';
import { normPath, resolvePath } from './volumes.ts';

/** BusyBox applets (busybox, alpine and the images built on them). */
const BUSYBOX = `sh ash awk base64 basename bc bunzip2 bzcat bzip2 cal cat chgrp chmod chown chroot
cksum clear cmp comm cp crond crontab cut date dc dd df diff dirname dmesg dnsdomainname du echo egrep
env expand expr false fgrep find fold free fsync getopt grep groups gunzip gzip halt hd head hexdump
hostid hostname httpd id ifconfig install ip ipcalc ipcmk ipcrm ipcs kill killall less link ln logger
login ls lsof md5sum mesg mkdir mkfifo mknod mktemp more mount mv nc netstat nice nl nohup nproc
nslookup od passwd paste patch pgrep pidof ping ping6 pkill pmap poweroff printenv printf ps pstree pwd
readlink realpath reboot renice reset rev rm rmdir route run-parts sed seq setsid sha1sum sha256sum
sha512sum shuf sleep sort split stat strings stty su sum sync tac tail tar tee telnet test tftp time
timeout top touch tr traceroute true truncate tty udhcpc umount uname uniq unlink unzip uptime usleep
uudecode uuencode vi watch wc wget which who whoami xargs xxd xz yes zcat [ [[`;

/** A Debian/Ubuntu base system: coreutils, dash, bash, grep, sed, findutils, util-linux, perl-base. */
const DEBIAN = `sh dash bash rbash cat chgrp chmod chown chroot cksum comm cp csplit cut date dd df
diff dir dircolors dirname du echo egrep env expand expr factor false fgrep find fmt fold getent grep
groups gunzip gzip head hostid hostname id install ipcmk ipcrm ipcs join kill link ln logger login
logname ls md5sum mkdir mkfifo mknod mktemp more mount mountpoint mv nice nl nohup nproc numfmt od
paste pathchk perl pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon sed seq setsid
sha1sum sha256sum sha512sum shred shuf sleep sort split stat stdbuf stty su sum sync tac tail tar tee
test timeout touch tr true truncate tsort tty umount uname unexpand uniq unlink users vdir wc which
who whoami xargs yes zcat apt apt-get apt-cache dpkg awk mawk [`;

/** Programs an image adds to its base, by catalogue entry. */
const EXTRAS: Record<string, string> = {
  nginx: 'nginx nginx-debug envsubst curl /docker-entrypoint.sh',
  httpd: 'httpd httpd-foreground apachectl apache2 rotatelogs htpasswd',
  redis:
    'redis-server redis-cli redis-sentinel redis-benchmark redis-check-aof docker-entrypoint.sh gosu',
  postgres:
    'postgres psql pg_ctl initdb pg_isready pg_dump pg_restore createdb docker-entrypoint.sh gosu',
  mysql: 'mysqld mysql mysqladmin mysqldump mysqlsh docker-entrypoint.sh gosu',
  python: 'python python3 pip pip3 pydoc3 python3-config',
  curl: 'curl /entrypoint.sh',
  pause: '/pause',
  agnhost: '/agnhost agnhost',
  goproxy: '/goproxy',
  etcd: '/usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl etcd etcdctl etcdutl sh /bin/sh',
  stress: 'stress /usr/local/bin/stress /usr/bin/stress',
  alpine: 'apk',
  ubuntu: 'apt-get',
};

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const BUSYBOX_SET = new Set(words(BUSYBOX));
const DEBIAN_SET = new Set(words(DEBIAN));
/** Directories of the images' $PATH. */
const BIN_DIRS = new Set([
  '/bin',
  '/sbin',
  '/usr/bin',
  '/usr/sbin',
  '/usr/local/bin',
  '/usr/local/sbin',
  '/usr/local/apache2/bin',
  '/usr/lib/postgresql/17/bin',
]);

function shipped(img: ResolvedImage, name: string): boolean {
  if (img.missing.includes(name)) return false;
  const extras = words(EXTRAS[img.id] ?? '');
  if (extras.includes(name)) return true;
  // The pause image has nothing but /pause; etcd's is distroless (etcd, etcdctl, /bin/sh).
  if (img.id === 'pause' || img.id === 'etcd') return false;
  if (img.id === 'python' && /^python3(\.\d+)?$/.test(name)) return true;
  return (img.userland === 'busybox' ? BUSYBOX_SET : DEBIAN_SET).has(name);
}

/**
 * Does `name` (a bare command searched in `$PATH`, or a path) resolve to an
 * executable in this container? Never throws.
 */
export function hasExecutable(
  sys: PodSystem | undefined,
  inst: Pick<ContainerInstance, 'image' | 'mounts' | 'imageFiles' | 'rootfs' | 'deleted'>,
  name: string,
): boolean {
  if (name === '') return false;
  const img = resolveImage(inst.image);
  if (img.assumed) return true;
  if (!name.includes('/')) return shipped(img, name);
  const path = normPath(name);
  if (path in inst.imageFiles && !inst.deleted.includes(path)) return true;
  if (path in inst.rootfs) return true;
  const full = words(EXTRAS[img.id] ?? '').filter((e) => e.startsWith('/'));
  if (full.includes(path)) return true;
  const r = resolvePath(inst as ContainerInstance, path);
  if (r.where === 'volume') {
    const vol = sys?.volumes[r.volume];
    if (!vol || vol.files[r.rel] !== undefined) return true;
    if (vol.kind === 'emptyDir') return false;
    // configMap/secret data Podscope was given is known; other volumes' content is not.
    const known =
      (vol.kind === 'configMap' || vol.kind === 'secret') && Object.keys(vol.files).length > 0;
    return !known;
  }
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash) || '/';
  const base = path.slice(slash + 1);
  return BIN_DIRS.has(dir) && shipped(img, base);
}
