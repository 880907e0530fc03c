#!/bin/sh
# Entry point of the Kafka image: server.properties from the KAFKA_* environment (as the
# Apache image reads it), storage formatted on first start, then the broker as PID 1.
set -eu
LIBS="/opt/kafka/libs/*"
CONF=/opt/kafka/run/server.properties
LOG4J="-Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties"

: >"$CONF"
env | sort | while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' \
    | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  printf '%s=%s\n' "$key" "$value" >>"$CONF"
done

data=$(sed -n 's/^log\.dirs=//p' "$CONF" | cut -d, -f1)
if [ ! -f "$data/meta.properties" ]; then
  # A static quorum (controller.quorum.voters) is formatted as it is; a dynamic one
  # (controller.quorum.bootstrap.servers) starts as a standalone controller.
  mode=--standalone
  grep -q '^controller\.quorum\.voters=' "$CONF" && mode=
  id=${CLUSTER_ID:-$(head -c 16 /dev/urandom | base64 | tr '+/' '_-' | cut -c1-22 | sed 's/^-/A/')}
  # shellcheck disable=SC2086 # $mode is empty or one word
  java -Xmx128m -cp "$LIBS" "$LOG4J" kafka.tools.StorageTool format $mode \
    --cluster-id "$id" --config "$CONF"
fi
# shellcheck disable=SC2086 # heap and options are word lists
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_OPTS:-} -cp "$LIBS" "$LOG4J" kafka.Kafka "$CONF"
