-- Press "Confirm my signature" once per token of a file: POST each token, with the
-- page's CSRF cookie and form token, to the statement's confirm address; the file is
-- split between the threads. Arguments: path, csrf form token, csrf cookie, the file
-- of tokens (URL-encoded, one a line), the number of threads. Past the end a thread
-- starts again at its first token (a repeated press: "already confirmed") and counts
-- those as status 0.

function init(args)
  path, token, cookie = args[1], args[2], args[3]
  local threads_count = tonumber(args[5])
  statuses = {}
  tokens = {}
  local number = 0
  for line in io.lines(args[4]) do
    if number % threads_count == id - 1 then
      table.insert(tokens, line)
    end
    number = number + 1
  end
  position = 0
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",  -- what a browser says of a post from the site's own page
  }
  if cookie ~= "" then  -- a page with no token sets no cookie, so a browser sends none
    headers["Cookie"] = "csrftoken=" .. cookie
  end
end

function request()
  position = position + 1
  if position > #tokens then
    position = 1
    wrapped = true
  end
  if wrapped then
    statuses[0] = (statuses[0] or 0) + 1  -- "status 0": a repeated token, reported as such
  end
  local body = "csrfmiddlewaretoken=" .. token .. "&token=" .. tokens[position]
  return wrk.format("POST", path, headers, body)
end
