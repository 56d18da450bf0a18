-- wrk script for Latchkey's benchmarks.
-- wrk ... -s latchkey.lua <url> -- <mode> <request-file> <expected-text> <threads> [items-file]
--   mode "fixed":   the same request every time
--   mode "cycle":   {item} in the body takes each line of items-file in turn (e.g. user emails)
--   mode "rotate":  {item} is a refresh token from a queue; each response's new refresh_token
--                   goes back into the queue, so every token is presented exactly once
-- A response counts as wrong when its status is not 2xx or its body lacks the expected text.
-- done() prints one line, LATCHKEY_RESULT {json}, which the bench reads.

local threads = {}
local created = 0

function setup(thread)
   thread:set("index", created)
   created = created + 1
   table.insert(threads, thread)
end

function init(args)
   mode = args[1]
   expected = args[3]
   wrong = 0
   local total = tonumber(args[4])
   local f = assert(io.open(args[2], "r"))
   method = f:read("*l")
   path = f:read("*l")
   headers = {}
   while true do
      local line = f:read("*l")
      if line == nil or line == "" then break end
      local name, value = line:match("^([^:]+):%s*(.*)$")
      headers[name] = value
   end
   body = f:read("*a") or ""
   f:close()
   items = {}
   if args[5] then
      local n = 0
      for line in io.lines(args[5]) do
         -- each thread takes its own share, so no item is used by two threads
         if n % total == index then table.insert(items, line) end
         n = n + 1
      end
   end
   position = 0
end

local function with_item(item)
   return (body:gsub("{item}", function() return item end))
end

function request()
   if mode == "cycle" then
      position = position % #items + 1
      return wrk.format(method, path, headers, with_item(items[position]))
   elseif mode == "rotate" then
      local token = table.remove(items, 1) or "queue-exhausted"
      return wrk.format(method, path, headers, with_item(token))
   end
   return wrk.format(method, path, headers, body)
end

function response(status, response_headers, response_body)
   if status < 200 or status > 299 or not (response_body or ""):find(expected, 1, true) then
      wrong = wrong + 1
      if sample == nil then sample = status .. " " .. (response_body or ""):sub(1, 160) end
   end
   if mode == "rotate" then
      local token = (response_body or ""):match('"refresh_token"%s*:%s*"([^"]+)"')
      if token then table.insert(items, token) end
   end
end

function done(summary, latency, requests)
   local wrong_total = 0
   local first = ""
   for _, thread in ipairs(threads) do
      wrong_total = wrong_total + (thread:get("wrong") or 0)
      local s = thread:get("sample")
      if s and first == "" then first = s end
   end
   local e = summary.errors
   io.write(string.format(
      'LATCHKEY_RESULT {"requests":%d,"duration_us":%d,"socket_errors":%d,"timeouts":%d,"wrong":%d,'
      .. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"sample":"%s"}\n',
      summary.requests, summary.duration, e.connect + e.read + e.write, e.timeout, wrong_total,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      (first:gsub('[%c"\\]', ' '))))
end
