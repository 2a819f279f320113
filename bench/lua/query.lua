-- GET the address's path, built by this script on every request, with or without a query string.
-- Arguments: mode ("none": the path alone; "fixed": the same query string every time;
-- "new": one never sent before, what a visitor who wants to bypass a cache does), and the
-- parameter's name (default "src", the source code share links and QR codes carry).
-- Every row that compares against another builds its requests the same way (here), so
-- wrk's own work per request is the same on both sides: only the query string differs.

function init(args)
  mode, name = args[1] or "none", args[2] or "src"
  statuses = {}
  sent = 0
  math.randomseed(os.time() * 1000 + id)
  fixed = "?" .. name .. "=" .. id .. "-0-123456789"  -- as long as a new one, so both send as many bytes
end

function request()
  sent = sent + 1
  if mode == "new" then
    return wrk.format("GET", wrk.path .. "?" .. name .. "=" .. id .. "-" .. sent .. "-" .. math.random(1, 1000000000))
  elseif mode == "fixed" then
    return wrk.format("GET", wrk.path .. fixed)
  end
  return wrk.format("GET", wrk.path)
end
