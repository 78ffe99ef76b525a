#!/usr/bin/env python3
"""Writes one JSONL record whose text is a single line of about SIZE megabytes of news-like
Chinese (or English) built from the sentences below, each with mentions and events for the rules.

    make-long-document.py SIZE_MB [zh|en] > doc.jsonl
"""
import json
import sys

ZH = [
    "（北京20日讯）俄罗斯与乌克兰周三交换了175名战俘，美国总统表示欢迎。",
    "双方将于10月27日在伊斯坦布尔举行新一轮会谈，讨论延长停火协议三个月。",
    "当地警方当天拘留了140余人，法院随后判处两名被告有期徒刑五年并处罚金20万元。",
    "去年10月31日，一架无人机袭击造成至少12人死亡、30人受伤。",
    "外交部发言人周三表示，中方愿与各方保持沟通，推动局势降温",
    "救援人员已将约3000名居民疏散到安全地带，另有5人失踪。",
]
EN = [
    "KYIV, March 20 (Reuters) - Russia and Ukraine swapped 175 prisoners on Wednesday, officials said.",
    "The two sides agreed to meet again in Istanbul on October 27 to discuss extending the ceasefire by three months.",
    "Police detained more than 140 people that day, and a court later sentenced two men to five years in prison.",
    "A drone strike killed at least 12 people and injured 30 in the city of Kharkiv last October.",
    "Rescuers evacuated about 3,000 residents to safety, leaving five people missing.",
]

size = float(sys.argv[1]) * 1_000_000
language = sys.argv[2] if len(sys.argv) > 2 else "zh"
pool = ZH if language == "zh" else EN
pieces, total, i = [], 0, 0
while total < size:
    sentence = pool[i % len(pool)]
    pieces.append(sentence if language == "zh" else sentence + " ")
    total += len(sentence.encode("utf-8"))
    i += 1
record = {"id": f"long-{sys.argv[1]}mb", "text": "".join(pieces), "date": "2025-03-20", "lang": language}
sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
