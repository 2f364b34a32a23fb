"""Reads the statistics table of a Gatling HTML report (index.html) and prints it as a Markdown table.

Gatling 3.15 writes no stats.json any more; its report's table holds, per request and group: total, OK, KO, KO %,
requests per second, min, p50, p75, p95, p99, max, mean and standard deviation (columns 2 to 14), in ms.
Usage: python3 bench/gatling-table.py <report dir> [name]   (with a name: prints "ok ko" of that row only)
"""
import html
import re
import sys

report = open(sys.argv[1] + "/index.html", encoding="utf-8").read()
table = report[report.index('id="container_statistics_body"'):] if 'id="container_statistics_body"' in report \
    else report
rows = re.findall(r'<tr id="([^"]+)"(?: data-parent="([^"]*)")?>(.*?)</tr>', table, re.S)
names, lines = {}, []
for row_id, parent, cells in rows:
    name = re.search(r'class="ellipsed-name">([^<]*)<', cells)
    values = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', cells))
    if not name or not values:
        continue
    names[row_id] = html.unescape(name.group(1))
    path = names[row_id] if not parent or parent not in names else names.get(parent + "#path", names[parent]) \
        + " / " + names[row_id]
    names[row_id + "#path"] = path
    lines.append((path, values))

if len(sys.argv) > 2:
    for path, values in lines:
        if path == sys.argv[2]:
            print(values["3"].replace(",", ""), values["4"].replace(",", ""))
            break
    else:
        print("0 0")
    sys.exit(0)

print("| step | count | KO | p50 | p95 | p99 | max |")
print("|---|---|---|---|---|---|---|")
for path, values in lines:
    print("| %s | %s | %s | %s | %s | %s | %s |" % (path, values["2"], values["4"], values["8"], values["10"],
                                                  values["11"], values["12"]))
