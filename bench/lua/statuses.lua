-- Prepended to post.lua and confirm.lua by bench/load.py (wrk loads one script file).
-- Shared by the POST and confirmation scripts: count responses by status in
-- every thread and print the totals as "STATUS <code> <count>" lines at the end.
threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
end
