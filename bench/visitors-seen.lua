-- wrk script: every request reports a new visitor id, as first page views of distinct visitors do.
local counter = 0
local thread_ids = 0
local threads = {}

function setup(thread)
  thread_ids = thread_ids + 1
  thread:set("tid", thread_ids)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + tid)
  prefix = "bench" .. tid .. "x" .. math.random(100000, 999999) .. "x"
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/visitors/seen", { ["Content-Type"] = "text/plain" },
    '{"visitorId":"' .. prefix .. counter .. '"}')
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
