import subprocess, os, re, glob
root='src/main/java'
modes={}
excluded={}
for line in open('proofs/openjml-files.txt'):
    line=line.strip()
    if not line or line.startswith('#'): continue
    path,m=line.split(' ',1)
    modes[path]=m if m.startswith('none') else m.split()[0]
    toks=m.split()
    excluded[path]=toks[1][len('exclude='):].rstrip(':').split(',') if len(toks)>1 and toks[1].startswith('exclude=') else []
# KeY contracts that KeY is run on (esc: / check-only: entries are not attempted by KeyProofIT)
keyids=[l.split()[0] for l in open('proofs/contracts.txt') if l.strip() and not l.startswith('#')
        and not l.split(None,1)[1].startswith(('esc:','check-only:'))]
out=[]
for pkg in ['kernel','basis','sampler','erm','coercivity']:
    for f in sorted(glob.glob(f'{root}/org/attnlab/{pkg}/*.java')):
        if f.endswith('package-info.java'): continue
        rel=f[len(root)+1:]
        cls=rel[:-5].replace('/','.')
        src=open(f).read()
        r=subprocess.run(['javap','-public','-cp','target/classes',cls],capture_output=True,text=True).stdout
        simple=cls.split('.')[-1]
        tests=sorted(set(os.path.basename(t)[:-5] for t in glob.glob('src/test/java/org/attnlab/**/*.java',recursive=True) if re.search(r'\b'+simple+r'\b',open(t).read()) and not t.endswith(simple+'.java')))
        tests=[t for t in tests if not t.endswith('IT') and 'verify' not in t][:6]
        m=modes.get(rel,'?')
        hdr=r.splitlines()[1] if len(r.splitlines())>1 else ''
        if not hdr.startswith('public'): continue   # package-private class: not public API
        for line in r.splitlines()[1:]:
            line=line.strip().rstrip(';')
            if not line or line=='}' or '(' not in line: continue
            name=re.search(r'([\w$]+)\(',line).group(1)
            if name in ('values','valueOf') and 'java.lang.Enum<' in hdr: continue
            params=re.search(r'\((.*)\)',line).group(1)
            params=','.join(p.strip().split('.')[-1] for p in params.split(',')) if params else ''
            sig=f'{simple}::{name}({params})'
            # has JML?
            idx=src.find(' '+name+'(')
            # the member's own annotations: the text after the end of the previous member (a closing brace or a
            # field declaration at class level), up to this declaration
            pre=src[:idx] if idx>=0 else ''
            ends=[max(0, pre.rfind('\n    }\n'))]+[m.end() for m in re.finditer(r'\n    [^ @/*\n][^\n]*;\n', pre)][-1:]
            own=pre[max(ends):] if ends else pre
            has_jml = idx>=0 and re.search(r'(normal_behavior|exceptional_behavior|//@ *public normal)', own) is not None
            how=[]
            k=[i for i in keyids if i.startswith(f'{simple}::{name}(')]
            if 'esc' in m and 'none' not in m:
                how.append('check-only' if name in excluded.get(rel,[]) else 'esc')
            if k: how.append('key')
            if 'rac' in m and 'none' not in m: how.append('rac')
            if not how:
                how.append('none' if '[no-check]' in m else 'check-only')
            jml='jml' if (k or has_jml) else 'no-jml'
            out.append(f'{sig} {"+".join(how)} [{jml}] tests: {", ".join(tests) if tests else "-"}')
header=open('proofs/public-methods.txt').read().split('\n')
header=[h for h in header if h.startswith('#')]
open('proofs/public-methods.txt','w').write('\n'.join(header)+'\n'+'\n'.join(out)+'\n')
print(len(out))
