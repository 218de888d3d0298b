"""Prints an HS256 JWT with role admin, valid for a day: python3 token.py BASE64_KEY ISSUER AUDIENCE."""
import base64
import hashlib
import hmac
import json
import sys
import time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


key, issuer, audience = base64.b64decode(sys.argv[1]), sys.argv[2], sys.argv[3]
now = int(time.time())
header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
claims = b64(json.dumps({"sub": "bench", "unique_name": "bench", "role": "admin", "iss": issuer,
                         "aud": audience, "nbf": now - 60, "iat": now, "exp": now + 86400}).encode())
signature = b64(hmac.new(key, f"{header}.{claims}".encode(), hashlib.sha256).digest())
print(f"{header}.{claims}.{signature}")
