-- POST /api/v1/products with a name no other request uses, so every create succeeds.
local counter = 0
thread_tag = ""

local threads = 0

function setup(thread)
  -- Unique across threads and across runs (a warm-up run made rows with the same counters).
  threads = threads + 1
  thread:set("thread_tag", os.time() .. "-" .. threads)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"name":"Bench %s %d","description":"Made by the benchmark","price":19.99,"stock":5,"categoryId":%d}',
    thread_tag, counter, 31 + counter % 80)
  return wrk.format(nil, "/api/v1/products", nil, body)
end
