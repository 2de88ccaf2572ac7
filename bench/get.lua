-- wrk script: plain GETs of the URL given to wrk (the site tag, or its bare-servlet floor), reported as
-- decisions.lua reports them (run from the repository's root, as bench/decisions-http.sh does).
dofile("bench/decisions.lua")
request = nil
