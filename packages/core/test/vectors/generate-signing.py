"""Builds signing.json independently of smskit's TypeScript signer.

The canonical strings are made the way the vendor's own samples make them: the Python
sample (`if key and value`: empty pairs left out) for `skip-empty`, the PHP sample
(`ksort`, every pair kept) for `keep-empty`. Run: python3 generate-signing.py > signing.json
"""
import hashlib, hmac, json

METHODS = {"HmacMD5": hashlib.md5, "HmacSHA1": hashlib.sha1, "HmacSHA224": hashlib.sha224,
           "HmacSHA256": hashlib.sha256, "HmacSHA384": hashlib.sha384, "HmacSHA512": hashlib.sha512}

def write(v):
    if v is None: return ""
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, (int, float)): return str(v)
    if isinstance(v, (list, dict)): return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return v

def canonical(body, headers, dialect):
    params = dict(body); params.update(headers)
    pairs = []
    for key in sorted(params):
        value = write(params[key])
        if dialect == "skip-empty" and not value: continue
        pairs.append(key + "=" + value)
    return "&".join(pairs)

CASES = [
  ("manual worked example (C# sample)", "你的密钥", "22a71bfe4f9cab1dbce7e16bd71138c2", "HmacSHA256", "8052433127", "1618810991174",
   {"phones": "15900582939", "templateCode": "580467552590397440"}),
  ("Chinese template value, PHP sample shape", "b9935d21c0c0a1b2c3d48610e57d7", "a963d8f00e1ae1093", "HmacMD5", "1804289383", "1641350184346",
   {"phones": "15900000000", "templateCode": "574277763210051584", "templateParam": "[\"你好\"]", "upExtendCode": "123"}),
  ("escaped backslashes in a value", "3c4bda9d5698a6b17103461a82ee0ae4257f29d15b04c3c", "421cc0ce7deb7e09bb35", "HmacSHA256", "0123456789", "1700000000000",
   {"phones": "13800138000", "templateCode": "817436511033106432", "templateParam": "[\"测\\\\试一\\\\下\"]"}),
  ("several numbers", "secret-key", "api-key-1", "HmacSHA1", "9999999999", "1700000000001",
   {"phones": "13800138000,13900139000,15000150000", "templateCode": "580467552590397440", "templateParam": "[\"张三\",\"02\"]", "bid": "order-42"}),
  ("sendBatch JSON-array fields", "secret-key", "api-key-1", "HmacSHA224", "1234567890123", "1700000000002",
   {"phonesJson": "[\"13800138000\",\"13900139000\"]", "templateCode": "574277763210051584", "templateParamJson": "[[\"明\"],[\"张三\"]]"}),
  ("no body parameters (balance query), SHA-384", "secret-key", "api-key-1", "HmacSHA384", "5555555555", "1700000000003", {}),
  ("no body parameters (balance query), SHA-512", "你的密钥", "api-key-1", "HmacSHA512", "5555555556", "1700000000004", {}),
  ("statistics with numbers", "secret-key", "api-key-1", "HmacSHA256", "7777777777", "1700000000005",
   {"startDate": "2026-11-01", "endDate": "2026-11-22", "page": 1, "pageSize": 10}),
  ("an empty bid: the dialects differ", "secret-key", "api-key-1", "HmacSHA256", "8888888888", "1700000000006",
   {"phones": "13800138000", "templateCode": "580467552590397440", "bid": ""}),
  ("a null value and a boolean and a nested array", "secret-key", "api-key-1", "HmacMD5", "4444444444", "1700000000007",
   {"phones": "13800138000", "templateCode": "1", "upExtendCode": None, "flag": True, "list": ["a", 1, {"k": "值"}]}),
]

out = []
for name, access, api, method, nonce, ts, body in CASES:
    headers = {"x-api-key": api, "x-sign-method": method, "x-nonce": nonce, "x-timestamp": ts}
    entry = {"name": name, "accessKey": access, "apiKey": api, "method": method, "nonce": nonce, "timestamp": int(ts), "body": body, "dialects": {}}
    for dialect in ("skip-empty", "keep-empty"):
        c = canonical(body, headers, dialect)
        entry["dialects"][dialect] = {"canonical": c, "sign": hmac.new(access.encode("utf-8"), c.encode("utf-8"), METHODS[method]).hexdigest()}
    out.append(entry)
print(json.dumps(out, ensure_ascii=False, indent=2))
