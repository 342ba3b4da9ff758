# Sourced by the comparison scripts: builds jmh/target/benchmarks.jar when it is missing.
if [[ ! -f jmh/target/benchmarks.jar ]]; then
  mvn -B -q -DskipTests -Dinterestlab.skipJupyter=true -pl core,jmh -am package
fi
