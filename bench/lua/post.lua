-- POST a form with a new email address every time, reusing one CSRF cookie and token.
-- Arguments: path, csrf form token, csrf cookie, tag (unique per run), form ("sign" or "baseline").
-- Every address is <tag>-<thread>-<n>@example.org, so the run's rows can be counted afterwards.

function init(args)
  path, token, cookie, tag, form = args[1], args[2], args[3], args[4], args[5]
  statuses = {}
  sent = 0
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",  -- what a browser says of a post from the site's own page
  }
  if cookie ~= "" then  -- a page with no token sets no cookie, so a browser sends none
    headers["Cookie"] = "csrftoken=" .. cookie
  end
end

function request()
  sent = sent + 1
  local email = tag .. "-" .. id .. "-" .. sent .. "%40example.org"
  local body = "csrfmiddlewaretoken=" .. token .. "&name=Bench+Signer&email=" .. email
  if form == "sign" then
    body = body .. "&kind=person&organisation=&role=&town=Leeds&region=yorkshire&show_publicly=on&website="
  end
  return wrk.format("POST", path, headers, body)
end
