#!/usr/bin/python3
"""Generates server/data/char-shapes.json for the suspect-char rule: for each character of
char-pinyin.json, the common characters that look like it.

Shape similarity is measured on rendered glyphs (WenQuanYi Micro Hei, Debian package
fonts-wqy-microhei; Pillow and NumPy: python3-pil, python3-numpy): each glyph is drawn at 32x32,
blurred slightly, and compared by cosine similarity as a whole and by halves (left/right, top/bottom),
so that characters that share a large component in the same place (很/银, 休/体) come out close.
A curated list of classic look-alikes (curated-shapes.txt, one group a line) is merged in.

Run: /usr/bin/python3 scripts/wrongchar-data/gen-shapes.py
"""
import json, os, sys
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
SIZE = 32
COMMON = 5000       # candidates are drawn from the most frequent characters
TOP = 6             # look-alikes kept per character
WHOLE_MIN = 0.80    # whole-glyph similarity that alone makes a look-alike
HALF_MIN = 0.93     # one half nearly identical ...
OTHER_MIN = 0.60    # ... and the whole still fairly close

with open(os.path.join(ROOT, 'server', 'data', 'char-pinyin.json'), encoding='utf-8') as f:
    by_syllable = json.load(f)
# Characters in frequency order: the generator of char-pinyin.json lists them most frequent first
# per syllable; recover a global order from the jieba dictionary for the common set.
order = {}
sys.path.insert(0, ROOT)
import subprocess
dict_path = subprocess.check_output(['node', '-p', "require('nodejieba').DEFAULT_DICT"], cwd=ROOT, text=True).strip()
with open(dict_path, encoding='utf-8') as f:
    for line in f:
        parts = line.split(' ')
        if len(parts) >= 2 and len(parts[0]) == 1 and '\u4e00' <= parts[0] <= '\u9fff':
            order[parts[0]] = max(order.get(parts[0], 0), int(parts[1]))
chars = sorted({c for s in by_syllable.values() for c in s}, key=lambda c: (-order.get(c, 0), c))
common = chars[:COMMON]

font = ImageFont.truetype(FONT, SIZE - 2)
def render(c):
    img = Image.new('L', (SIZE, SIZE), 0)
    d = ImageDraw.Draw(img)
    d.text((1, -2), c, fill=255, font=font)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    return np.asarray(img, dtype=np.float32) / 255.0

def normalise(m):
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1
    return m / n

glyphs = np.stack([render(c) for c in chars])          # (N, S, S)
idx = {c: i for i, c in enumerate(chars)}
h = SIZE // 2
parts = {
    'whole': glyphs.reshape(len(chars), -1),
    'left': glyphs[:, :, :h].reshape(len(chars), -1),
    'right': glyphs[:, :, h:].reshape(len(chars), -1),
    'top': glyphs[:, :h, :].reshape(len(chars), -1),
    'bottom': glyphs[:, h:, :].reshape(len(chars), -1),
}
parts = {k: normalise(v) for k, v in parts.items()}
ci = np.array([idx[c] for c in common])

result = {}
B = 512
for start in range(0, len(chars), B):
    rows = slice(start, start + B)
    whole = parts['whole'][rows] @ parts['whole'][ci].T
    score = np.where(whole >= WHOLE_MIN, whole, 0)
    for a, b in (('left', 'right'), ('right', 'left'), ('top', 'bottom'), ('bottom', 'top')):
        same = parts[a][rows] @ parts[a][ci].T
        other = parts[b][rows] @ parts[b][ci].T
        ok = (same >= HALF_MIN) & (other >= OTHER_MIN) & (whole >= OTHER_MIN)
        score = np.maximum(score, np.where(ok, (same + other) / 2, 0))
    for r in range(score.shape[0]):
        c = chars[start + r]
        row = score[r]
        best = np.argsort(-row)[: TOP + 1]
        similar = [common[j] for j in best if row[j] > 0 and common[j] != c][:TOP]
        if similar:
            result[c] = similar

# Curated groups: every member looks like every other one.
with open(os.path.join(os.path.dirname(__file__), 'curated-shapes.txt'), encoding='utf-8') as f:
    for line in f:
        line = line.split('#')[0].strip()
        group = [c for c in line if '\u4e00' <= c <= '\u9fff']
        for c in group:
            extra = [o for o in group if o != c and o not in result.get(c, [])]
            if extra:
                result[c] = extra + result.get(c, [])

out = os.path.join(ROOT, 'server', 'data', 'char-shapes.json')
with open(out, 'w', encoding='utf-8') as f:
    f.write('{\n' + ',\n'.join(f'{json.dumps(c, ensure_ascii=False)}:{json.dumps("".join(v), ensure_ascii=False)}' for c, v in sorted(result.items())) + '\n}\n')
print(f'{len(result)} characters with look-alikes -> {os.path.relpath(out, ROOT)}')
