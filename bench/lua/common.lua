-- Shared by get.lua and submit.lua. Sessions come from the file named by BENCH_SESSIONS, one signed-in user a
-- line: "<Cookie header value>\t<_csrf token>\t<path>". The users are split between the threads (no user is
-- driven by two threads), and each thread goes round its own: with many more users than connections, one user
-- never has two requests in flight at once (a real patient does not submit two reports in the same instant); a response other than BENCH_EXPECT (200 for pages, 302 for the submit's redirect to
-- its advice page) counts as bad, and so does any redirect to /login (an expired or refused session).
local M = {}
M.threads = {}
M.sessions = {}
M.expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
local idx = 0

function M.setup(thread)
  table.insert(M.threads, thread)
  thread:set("tid", #M.threads)
end

function M.init()
  local f = assert(io.open(assert(os.getenv("BENCH_SESSIONS"), "BENCH_SESSIONS not set"), "r"))
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  local n = 0
  for line in f:lines() do
    local cookie, csrf, path = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)$")
    if cookie then
      n = n + 1
      if (n - 1) % nthreads == (tid or 1) - 1 then
        table.insert(M.sessions, { cookie = cookie, csrf = csrf, path = path })
      end
    end
  end
  f:close()
  assert(#M.sessions > 0, "no sessions")
  local seed = tonumber(tostring({}):match("0x(%x+)") or "1", 16) or 1
  math.randomseed(os.time() + seed % 1000003)
  idx = math.random(#M.sessions) - 1
  bad = 0
  statuses = ""
end

function M.next()
  idx = idx % #M.sessions + 1
  return M.sessions[idx]
end

function M.response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status ~= M.expect or location:find("/login", 1, true) then
    bad = bad + 1
    if #statuses < 200 then
      statuses = statuses .. status .. " " .. location .. ";"
    end
  end
end

function M.done(summary, latency, requests)
  local b, detail = 0, ""
  for _, t in ipairs(M.threads) do
    b = b + t:get("bad")
    detail = detail .. (t:get("statuses") or "")
  end
  local s = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"non2xx3xx":%d,"unexpected":%d,"socket_errors":%d,"unexpected_sample":"%s"}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, s.status, b, s.connect + s.read + s.write + s.timeout,
    detail:gsub('"', "'")))
end

return M
