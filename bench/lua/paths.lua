-- GET each path of a file once (confirmation links), the file split between the threads.
-- Arguments: the file, the number of threads. Past the end a thread starts again at its
-- first path (a repeated click: "already confirmed") and counts those as status 0.

function init(args)
  local threads_count = tonumber(args[2])
  statuses = {}
  paths = {}
  local number = 0
  for line in io.lines(args[1]) do
    if number % threads_count == id - 1 then
      table.insert(paths, line)
    end
    number = number + 1
  end
  position = 0
end

function request()
  position = position + 1
  if position > #paths then
    position = 1
    wrapped = true
  end
  if wrapped then
    statuses[0] = (statuses[0] or 0) + 1  -- "status 0": a repeated path, reported as such
  end
  return wrk.format("GET", paths[position])
end
