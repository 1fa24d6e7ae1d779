# Sourced by start-cluster.sh (and by devserver/test/package-lock-wait.test.js): waiting for the package manager's
# lock instead of failing at once. Another process may hold it (unattended-upgrades, another worktree's install);
# every wait is bounded by SKAFTIN_PACKAGE_LOCK_WAIT seconds (default 600) and says what it waits for.
# Needs say MESSAGE and die MESSAGE [CODE] from the caller.

LOCK_WAIT=${SKAFTIN_PACKAGE_LOCK_WAIT:-600}
LOCK_POLL=${SKAFTIN_PACKAGE_LOCK_POLL:-5}
case "$LOCK_WAIT" in '' | *[!0-9]*) die "SKAFTIN_PACKAGE_LOCK_WAIT must be a number of seconds" 2 ;; esac
case "$LOCK_POLL" in '' | *[!0-9]* | 0) die "SKAFTIN_PACKAGE_LOCK_POLL must be a positive number of seconds" 2 ;; esac

# Runs an apt-get command; while it fails because a lock is held, waits and runs it again until LOCK_WAIT is spent.
apt_with_lock_wait() {
  local deadline=$((SECONDS + LOCK_WAIT)) out rc said=""
  out=$(mktemp)
  while true; do
    rc=0
    # stderr to a file, then shown: a process substitution (tee) may not have written it yet when grep reads it.
    "$@" -o DPkg::Lock::Timeout=10 2>"$out" || rc=$?
    cat "$out" >&2
    if [ $rc -eq 0 ] || ! grep -qiE 'could not get lock|unable to acquire the dpkg frontend lock|unable to lock' "$out"; then
      rm -f "$out"
      return $rc
    fi
    if [ $SECONDS -ge $deadline ]; then
      local holder
      holder=$(fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock 2>/dev/null | tr -s ' ' | sed 's/^ //')
      rm -f "$out"
      die "the package manager's lock was still held after ${LOCK_WAIT} s (SKAFTIN_PACKAGE_LOCK_WAIT)${holder:+ by pid(s) $holder}; run the test again when it is free"
    fi
    [ -n "$said" ] || { say "another process holds the package manager's lock; waiting up to ${LOCK_WAIT} s for it"; said=1; }
    sleep "$LOCK_POLL"
  done
}

# Takes the exclusive lock FILE on file descriptor 8 (held until the shell exits): one devserver npm install at a time
# on this machine, since worktrees may share one node_modules. Waits at most LOCK_WAIT seconds for another holder.
take_install_lock() {
  local file=$1
  exec 8>"$file"
  if ! flock -n 8; then
    say "another devserver npm install holds $file; waiting up to ${LOCK_WAIT} s for it"
    flock -w "$LOCK_WAIT" 8 || die "another devserver npm install still held $file after ${LOCK_WAIT} s (SKAFTIN_PACKAGE_LOCK_WAIT)"
  fi
}
