-- GET the address's path with a query string never sent before, on every request:
-- what a visitor who wants to bypass a cache does. No arguments.

function init(args)
  statuses = {}
  sent = 0
  math.randomseed(os.time() * 1000 + id)
end

function request()
  sent = sent + 1
  local query = "?utm_source=" .. id .. "-" .. sent .. "-" .. math.random(1, 1000000000)
  return wrk.format("GET", wrk.path .. query)
end
