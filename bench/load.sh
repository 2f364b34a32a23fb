#!/usr/bin/env bash
# The whole service under load (docs/performance.md): builds Kelisim, starts it embedded on a free port with a fresh
# data directory, runs the Gatling simulation (src/load/java, Maven profile "load") at each rate, stops the service.
#
#   bench/load.sh                      # the consent flow at 1, 2 and 4 new flows per second, 60 s each
#   RATES="2 4" DURATION=120 bench/load.sh
#   SCENARIO=read RATES="5 20" bench/load.sh   # sign-in, a request, then registration checks and status polls
#
# Needs a JDK 17+, curl, bc and python3; Gatling comes from Maven Central the first time (MVN_FLAGS="" then, not "-o").
# Results: target/load/<time>/summary.md (one line per run) and Gatling's HTML report of each run beside it.
set -euo pipefail

cd "$(dirname "$0")/.."
RATES=${RATES:-"1 2 4"}
DURATION=${DURATION:-60}
SCENARIO=${SCENARIO:-flow}
READS=${READS:-10}
# submit_sm per second and node (kelisim.notification.smpp.send-rate, default 10: an SMS centre contract's figure).
# A request costs 10 submit_sm (two 5-part SMS) and its answer 2-3 more, so the default caps a node at about 0.8
# consent flows per second whatever its CPU; the run lifts it to measure the service, SMS_SEND_RATE=10 restores it.
SMS_SEND_RATE=${SMS_SEND_RATE:-1000}
MVN_FLAGS=${MVN_FLAGS:-"-o"}
# The service's JVM gets a modest heap: the claim is about one small machine.
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-Xmx1g"}

run_dir="target/load/$(date -u +%Y%m%dT%H%M%SZ)"
data_dir=$(mktemp -d /tmp/kelisim-load-XXXXXX)
mkdir -p "$run_dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)
base="http://127.0.0.1:$port"
service_pid=""

stop_service() {
  if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap stop_service EXIT

echo "Building (with the load profile's Gatling simulation)..."
./mvnw $MVN_FLAGS -q -B -Pload -DskipTests package

echo "Starting Kelisim on port $port, data in $data_dir"
# The registration checks' limit is per party and minute; every virtual user is the same third party, so the run
# raises it instead of measuring refusals. Everything else keeps its default.
PORT=$port KELISIM_DB_EMBEDDED_DIRECTORY="$data_dir/postgres" \
  KELISIM_REQUEST_REGISTRATIONCHECKSPERMINUTE=1000000 KELISIM_NOTIFICATION_SMPP_SENDRATE="$SMS_SEND_RATE" \
  java $SERVICE_JAVA_OPTS -jar target/kelisim-*-SNAPSHOT.jar > "$run_dir/service.log" 2>&1 &
service_pid=$!

wait_for() {
  local url=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 2))); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    kill -0 "$service_pid" 2>/dev/null || { echo "The service stopped; see $run_dir/service.log"; exit 1; }
    sleep 0.5
  done
  echo "No answer from $url within $seconds s"; exit 1
}
wait_for "$base/actuator/health/readiness" 300
# The demo keys are issued in the background after readiness at first start.
wait_for "$base/demo/keys/third-party-sign.p12" 300
echo "Ready."

# CPU of the service: its JVM and the embedded PostgreSQL (the postmaster, its live backends, its exited children),
# in clock ticks.
ticks() {
  local pids="$service_pid" postmaster total=0
  postmaster=$(head -1 "$(find "$data_dir" -name postmaster.pid | head -1)")
  pids="$pids $postmaster $(ps --ppid "$postmaster" -o pid= | tr '\n' ' ')"
  for pid in $pids; do
    [[ -r /proc/$pid/stat ]] || continue
    # Fields after the command's closing parenthesis: utime is the 12th, stime 13th, cutime 14th, cstime 15th.
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk -v pm="$postmaster" -v me="$pid" \
      '{ print $12 + $13 + (me == pm ? $14 + $15 : 0) }')))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

summary="$run_dir/summary.md"
{
  echo "# Load runs, $(date -u +%Y-%m-%dT%H:%MZ), scenario $SCENARIO, $DURATION s each, $(nproc) cores," \
    "SMS send rate $SMS_SEND_RATE/s"
  echo
  echo "OK and KO count whole flows (sign-ins in the read scenario); the run lasts from the first arrival to the last"
  echo "flow's end; CPU is the service's (JVM and PostgreSQL), in cores over the run and in ms per OK flow."
  echo
  echo "| rate/s | OK | KO | run s | service CPU cores | CPU ms/flow | load avg before | load avg after |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$summary"

for rate in $RATES; do
  echo "=== $SCENARIO at $rate per second for $DURATION s"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  ticks_before=$(ticks)
  started=$(date +%s.%N)
  ./mvnw $MVN_FLAGS -B -Pload gatling:test -Dload.baseUrl="$base" -Dload.rate="$rate" \
    -Dload.duration="$DURATION" -Dload.scenario="$SCENARIO" -Dload.reads="$READS" \
    -Dgatling.failOnError=false > "$run_dir/gatling-$SCENARIO-$rate.log" 2>&1 || true
  ended=$(date +%s.%N)
  ticks_after=$(ticks)
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  mv "$(ls -td target/gatling/*/ | head -1)" "$run_dir/$SCENARIO-$rate"
  report="$run_dir/$SCENARIO-$rate"
  # The whole flow is the group "flow"; in the read scenario, each virtual user's sign-in counts as one.
  unit=$([[ $SCENARIO == flow ]] && echo flow || echo "sign-in: token")
  read -r ok ko <<< "$(python3 bench/gatling-table.py "$report" "$unit")"
  # Gatling's console counts the run's seconds ("... 73s elapsed"); Maven's and Gatling's own start are outside.
  seconds=$(grep -o '[0-9]*s elapsed' "$run_dir/gatling-$SCENARIO-$rate.log" | tail -1 | grep -o '[0-9]*' \
    || echo "$ended - $started" | bc -l)
  cpu=$(echo "($ticks_after - $ticks_before) / $hz" | bc -l)
  printf '| %s | %s | %s | %.0f | %.2f | %.0f | %s | %s |\n' "$rate" "$ok" "$ko" \
    "$seconds" "$(echo "$cpu / $seconds" | bc -l)" \
    "$(echo "if ($ok > 0) 1000 * $cpu / $ok else 0" | bc -l)" "$load_before" "$load_after" >> "$summary"

  # Per step: count, KO, p50 / p95 / p99 and max in ms.
  { echo; echo "Rate $rate/s, per step (ms):"; echo; python3 bench/gatling-table.py "$report"; } >> "$run_dir/steps.md"
  tail -1 "$summary"
done

cat "$run_dir/steps.md" >> "$summary"
echo
cat "$summary"
echo "Reports: $run_dir"
