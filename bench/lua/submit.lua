-- POST /me/reports: each request a new report (a fresh random formToken the server has never seen), the
-- session's CSRF token, a mild headache and bruising (95%) or a severe headache (5%, which raises R4 and R7
-- flags: the flag path with its alert), started 6 hours ago in UTC wall time (in the past in every benchmark
-- clinic's zone, and less than 72 h after the fresh episode's treatment).
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")

local function uuid()
  local t = {}
  for i = 1, 16 do t[i] = math.random(0, 255) end
  t[7] = (t[7] % 16) + 64   -- version 4
  t[9] = (t[9] % 64) + 128  -- variant
  local h = {}
  for i = 1, 16 do h[i] = string.format("%02x", t[i]) end
  local x = table.concat(h)
  return x:sub(1, 8) .. "-" .. x:sub(9, 12) .. "-" .. x:sub(13, 16) .. "-" .. x:sub(17, 20) .. "-" .. x:sub(21, 32)
end

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(ch) return string.format("%%%02X", string.byte(ch)) end))
end

function setup(thread) c.setup(thread) end
function init(args) c.init() end

-- What the report form (GET /me/reports/new) holds, in its order: one entry per symptom of the catalogue
-- (Symptom, catalogue order), each with its hidden code, the checkbox's marker and the onset and
-- "still going on" fields a browser always sends, chosen or not; then the other causes' markers and the
-- rest. A browser posts all of them, so the benchmark does too (binding 24 entries is part of a
-- real submit's cost; posting only the two chosen ones hid it).
local SYMPTOMS = {
  "HEADACHE", "INJECTION_SITE_PAIN", "BRUISING", "SWELLING", "REDNESS", "NAUSEA", "FLU_LIKE", "NECK_PAIN",
  "DRY_OR_WATERY_EYES", "EYELID_DROOP", "BROW_DROOP", "ASYMMETRY", "TROUBLE_SWALLOWING", "TROUBLE_BREATHING",
  "TROUBLE_SPEAKING", "GENERALISED_WEAKNESS", "DOUBLE_OR_BLURRED_VISION", "LOSS_OF_BLADDER_CONTROL",
  "HIVES_OR_ITCHY_WELTS", "WHEEZING", "FACE_LIPS_TONGUE_SWELLING", "FEELING_FAINT", "INFECTION_SIGNS", "OTHER",
}
local OTHER_CAUSES = 9

function request()
  local s = c.next()
  local started = enc(os.date("!%Y-%m-%dT%H:%M", os.time() - 6 * 3600))
  local severity = (math.random() < 0.05) and 7 or 2
  local fields = { "_csrf=" .. enc(s.csrf), "formToken=" .. uuid() }
  for i, code in ipairs(SYMPTOMS) do
    local e = "entries%5B" .. (i - 1) .. "%5D."
    fields[#fields + 1] = e .. "symptom=" .. code
    if code == "HEADACHE" or code == "BRUISING" then
      fields[#fields + 1] = e .. "chosen=true"
      fields[#fields + 1] = e .. "severity=" .. ((code == "HEADACHE") and severity or 2)
      fields[#fields + 1] = e .. "interference=0"
    end
    fields[#fields + 1] = "_" .. e .. "chosen=on"
    if code == "HEADACHE" then
      fields[#fields + 1] = e .. "suddenWorstEver=false"
      fields[#fields + 1] = e .. "feverOrStiffNeck=false"
      fields[#fields + 1] = e .. "neurologicalSigns=false"
    end
    if code == "OTHER" then
      fields[#fields + 1] = e .. "otherDescription="
    end
    fields[#fields + 1] = e .. "startedAt=" .. started
    fields[#fields + 1] = e .. "ongoing=true"
    fields[#fields + 1] = e .. "stoppedAt="
  end
  for _ = 1, OTHER_CAUSES do fields[#fields + 1] = "_otherCauses=on" end
  fields[#fields + 1] = "medicines=paracetamol"
  fields[#fields + 1] = "medicinesHelped=YES"
  fields[#fields + 1] = "_wentToEmergency=on"
  fields[#fields + 1] = "_admittedToHospital=on"
  fields[#fields + 1] = "notes="
  return wrk.format("POST", "/me/reports", {
    ["Cookie"] = s.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, table.concat(fields, "&"))
end

function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
