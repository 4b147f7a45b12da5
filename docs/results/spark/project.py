import json, glob, re, heapq, statistics
jobs = []
for f in glob.glob('docs/results/rank-correlation-cpu-120/cache/*.json'):
    d = json.load(open(f))
    if 'architecture' in d:
        jobs.append(('panel', d['replicate'], d['seconds'], 800))
    else:
        m = re.search(r'method=(\w+), steps=(\d+)', d['training'])
        jobs.append(('net', m.group(1), d['seconds'], int(m.group(2))))
panel = [j[2] for j in jobs if j[0] == 'panel']
nets = [j[2] for j in jobs if j[0] == 'net']
print('panel jobs', len(panel), 'median s', round(statistics.median(panel), 1), 'min', round(min(panel), 1), 'sum', round(sum(panel)))
print('net jobs', len(nets), 'median s', round(statistics.median(nets), 1), 'min', round(min(nets), 1), 'sum', round(sum(nets)))
child_step = min(panel) / 800       # the least loaded measurement: per-step time of a job alone on a core
net_step = min(nets) / 3000
med_child_step = statistics.median(panel) / 800
med_net_step = statistics.median(nets) / 3000
print('s/step child min %.4f median %.4f; super-net min %.4f median %.4f' % (child_step, med_child_step, net_step, med_net_step))

def makespan(durations, w, startup):
    # Spark's FIFO order: jobs submitted in study order (panel first, then super-nets) fill the free slots.
    slots = [startup] * w
    heapq.heapify(slots)
    for d in durations:
        t = heapq.heappop(slots)
        heapq.heappush(slots, t + d)
    return max(slots)

def table(name, durations, startup=45.0):
    total = sum(durations)
    print(f'\n{name}: {len(durations)} jobs, {total/3600:.1f} core-hours of jobs')
    print('| single-core task slots | projected wall time | speed-up |')
    base = makespan(durations, 1, startup)
    for w in (1, 8, 64):
        m = makespan(durations, w, startup)
        print(f'| {w} | {fmt(m)} | {base/m:.1f}x |')

def fmt(s):
    if s < 3600: return f'{s/60:.0f} min'
    if s < 86400*2: return f'{s/3600:.1f} h'
    return f'{s/86400:.1f} days'

# cpu-120 as measured (order: panel then nets, as the study submits them)
cpu120 = [j[2] for j in sorted(jobs, key=lambda j: j[0] != 'panel')]
table('cpu-120 (measured job times)', cpu120)
# paper preset: 60 children x 125000 steps, 10 with a second seed; 10 variants x 3 seeds = 30 super-nets x 125000 steps
paper = [125000 * med_child_step] * 70 + [125000 * med_net_step] * 30
table('paper preset at rank8-cpu per-step cost (median)', paper)
# paper-bert measured: 0.46 steps/s at batch 8, seq 128, 2 native threads (train-supernet, spos) -> 2.17 s/step; batch 256 -> x32
step = 32 / 0.46
print('\npaper-bert s/step at batch 256 (linear in batch):', round(step, 1))
paper_bert = [125000 * step] * 100
total = sum(paper_bert)
print('| 2-core machines | projected wall time |')
for w in (1, 8, 64):
    m = makespan(paper_bert, w, 45)
    print(f'| {w} | {m/86400:.0f} days ({m/86400/365:.1f} years) |')
