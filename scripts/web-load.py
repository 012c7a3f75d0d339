#!/usr/bin/env python3
"""Load figures for docs/web.md: python3 scripts/web-load.py PORT PID (a running zged serve).
Prints RSS/threads idle, under 300 slow request bodies (1 byte / 5 s) with /api/health latency,
under 32 generating clients for 60 s, and after; then sends the over-cap request once."""
import socket, threading, time, json, sys, urllib.request, statistics, random
PORT = int(sys.argv[1]); PID = int(sys.argv[2])
def proc():
    d = {}
    for l in open(f"/proc/{PID}/status"):
        k, v = l.split(":", 1)
        d[k] = v.strip()
    return int(d["VmRSS"].split()[0]) // 1024, int(d["Threads"])
def health():
    t = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/health", timeout=120) as r:
        r.read()
    return (time.perf_counter() - t) * 1000
def post(path, body):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
# wait until ready
for _ in range(600):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/health", timeout=5) as r:
            h = json.loads(r.read())
        if all(v == "ready" for k, v in h.items() if k in ("model", "generator", "latent_map")):
            break
    except Exception:
        pass
    time.sleep(0.5)
print("ready", h)
print("before: RSS %d MB, threads %d" % proc())
base = [health() for _ in range(20)]
print("health idle: p50 %.1f ms, max %.1f ms" % (statistics.median(base), max(base)))
# 300 slow bodies, 1 byte / 5 s
stop = False
socks = []
def slow(i):
    try:
        s = socket.create_connection(("127.0.0.1", PORT))
        s.sendall(b"POST /api/generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{")
        socks.append(s)
        while not stop:
            time.sleep(5)
            s.sendall(b" ")
    except Exception:
        pass
ts = [threading.Thread(target=slow, args=(i,), daemon=True) for i in range(300)]
for t in ts: t.start()
time.sleep(2)
lat = []
t0 = time.time()
while time.time() - t0 < 30:
    lat.append(health()); time.sleep(0.2)
print("health under 300 slow bodies (30 s): n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (len(lat), statistics.median(lat), sorted(lat)[int(len(lat)*0.95)], max(lat)))
stop = True
print("during attack: RSS %d MB, threads %d" % proc())
# load: 32 clients x generate/simulate/decode for 60 s
codes = {}
lock = threading.Lock()
def client(i):
    rnd = random.Random(i)
    end = time.time() + 60
    while time.time() < end:
        typ = rnd.choice(["lowpass", "highpass", "bandpass", "bandstop"])
        body = {"type": typ, "fc": "%dk" % rnd.randint(1, 100), "q": round(rnd.uniform(0.5, 5), 2), "count": 3}
        if rnd.random() < 0.2:
            body.update({"tolerance": 5, "trials": 2000})
        c = post("/api/generate", body)
        with lock: codes[c] = codes.get(c, 0) + 1
cs = [threading.Thread(target=client, args=(i,)) for i in range(32)]
for t in cs: t.start()
time.sleep(30)
print("under load (32 clients): RSS %d MB, threads %d" % proc())
for t in cs: t.join()
print("load replies:", codes)
heavy = post("/api/generate", {"type":"bandpass","fc":"10k","q":5,"count":50,"tolerance":5,"trials":100000})
print("heavy request status", heavy)
time.sleep(2)
print("after: RSS %d MB, threads %d" % proc())
