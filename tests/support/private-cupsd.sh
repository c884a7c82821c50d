#!/usr/bin/env bash
# A private CUPS scheduler for the print tests: its own ServerRoot, spool, logs and
# socket under a directory the test owns, so it neither needs nor disturbs the
# system's cupsd. It runs the real cups-pdf backend, which writes each job as a PDF
# to ~/PDF of the submitting user (it must run as root, as the backend requires).
#   private-cupsd.sh start DIR QUEUE [FIRST_JOB_ID] [OWNER_PID]
#                                      → prints the socket path; the queue accepts jobs.
#     Job ids start at FIRST_JOB_ID: cups-pdf names files by job id, so tests running
#     side by side (each with its own cupsd) must not share ids. With OWNER_PID, the
#     cupsd is stopped when that process ends, even if a crashed test never stops it.
#   private-cupsd.sh stop DIR          → stops the cupsd started in DIR (by its PID)
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}

case "$cmd" in
start)
  queue=${3:?queue name}
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  for need in /usr/sbin/cupsd /usr/sbin/lpadmin /usr/lib/cups/backend/cups-pdf "$ppd"; do
    [ -e "$need" ] || { echo "missing $need: run scripts/install-deps.sh" >&2; exit 2; }
  done
  mkdir -p "$dir"/{spool/tmp,cache,state,log}
  printf '# Job cache file for CUPS v2.4\nNextJobId %d\n' "${4:-1}" > "$dir/cache/job.cache"
  chmod 0755 "$dir"
  cat > "$dir/cups-files.conf" <<CONF
ServerRoot $dir
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
SystemGroup root
CONF
  cat > "$dir/cupsd.conf" <<CONF
Listen $dir/cups.sock
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
JobRetryLimit 0
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  /usr/sbin/cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" >"$dir/log/stdout" 2>&1 &
  cupsd_pid=$!
  echo $cupsd_pid > "$dir/cupsd.pid"
  if [ -n "${5:-}" ]; then
    owner=$5
    ( while kill -0 "$owner" 2>/dev/null && kill -0 "$cupsd_pid" 2>/dev/null; do sleep 1; done
      kill "$cupsd_pid" 2>/dev/null ) </dev/null >/dev/null 2>&1 &
  fi
  for _ in $(seq 1 100); do [ -S "$dir/cups.sock" ] && break; sleep 0.1; done
  [ -S "$dir/cups.sock" ] || { echo "cupsd did not start:" >&2; cat "$dir/log/stdout" >&2; exit 1; }
  export CUPS_SERVER="$dir/cups.sock"
  # -P with the PPD file: the private scheduler has no driver database of its own.
  lpadmin -p "$queue" -v cups-pdf:/ -E -P "$ppd" 2>/dev/null
  # cups-pdf turns PostScript back into PDF. PostScript made by the default renderer
  # (Ghostscript) loses which glyph is which character, so pdftotext would read
  # nonsense; pdftocairo keeps the text layer the kiosk put into its PDF.
  lpadmin -p "$queue" -o pdftops-renderer-default=pdftocairo
  echo "$CUPS_SERVER"
  ;;
stop)
  if [ -f "$dir/cupsd.pid" ]; then
    pid=$(cat "$dir/cupsd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/cupsd.pid"
  fi
  ;;
*) echo "usage: $0 start DIR QUEUE | stop DIR" >&2; exit 2 ;;
esac
