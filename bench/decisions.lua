-- wrk script: every request asks the decisions of a random visitor of the data set that
-- DecisionDataSet wrote (visitor-0 to visitor-999999), on a cart or home page, on a phone or a desktop.
-- The path comes from the URL given to wrk: the decision API or its no-op baseline.
local thread_ids = 0

function setup(thread)
  thread_ids = thread_ids + 1
  thread:set("tid", thread_ids)
end

function init(args)
  math.randomseed(os.time() * 100 + tid)
end

function request()
  local body = string.format('{"visitor_id":"visitor-%d","context":{"url":"https://shop.example.com/%s?utm=mail",'
      .. '"device":"%s","browser":"chrome","language":"en-GB","country":"GB","returning":%s,"cookies":{"plan":"free"}}}',
      math.random(0, 999999), math.random(2) == 1 and "cart" or "home",
      math.random(2) == 1 and "mobile" or "desktop", math.random(2) == 1 and "true" or "false")
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms"
      .. " bytes_per_answer=%.0f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes / math.max(summary.requests, 1), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
