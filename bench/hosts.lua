-- wrk script for build/bench.sh: each wrk thread talks to one of the instances named in
-- BENCH_HOSTS ("127.0.0.1:5001 127.0.0.1:5002"), in turn, so -t2 with two hosts loads both evenly.
local hosts = {}
for host in string.gmatch(os.getenv("BENCH_HOSTS") or "", "%S+") do
  table.insert(hosts, host)
end
local started = 0

function setup(thread)
  local host, port = hosts[started % #hosts + 1]:match("([^:]+):(%d+)")
  thread.addr = wrk.lookup(host, port)[1]
  started = started + 1
end
