-- wrk script: plain GETs of the URL given to wrk (the site tag, or its bare-servlet floor), reported as
-- decisions.lua reports.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms"
      .. " bytes_per_answer=%.0f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes / math.max(summary.requests, 1), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
