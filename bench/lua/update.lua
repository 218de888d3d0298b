-- PUT /api/v1/products/{id} with If-Match. Each wrk thread has one connection and its own product,
-- so the ETag it last received is always the current one.
product_id = 0
local etag = nil
local counter = 0
local next_id = 1

function setup(thread)
  thread:set("product_id", next_id * 97)
  next_id = next_id + 1
end

local headers = {}

function init(args)
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function request()
  if etag == nil then
    return wrk.format("GET", "/api/v1/products/" .. product_id)
  end
  counter = counter + 1
  local body = string.format(
    '{"name":"Updated %d %d","price":%d.50,"stock":%d,"categoryId":%d}', product_id, counter, counter % 1000, counter % 50, 31 + product_id % 80)
  -- wrk.format uses the given headers instead of wrk.headers, so they all go in one table.
  headers["If-Match"] = etag
  return wrk.format("PUT", "/api/v1/products/" .. product_id, headers, body)
end

function response(status, headers, body)
  if headers["ETag"] ~= nil then etag = headers["ETag"] end
  if headers["etag"] ~= nil then etag = headers["etag"] end
end
