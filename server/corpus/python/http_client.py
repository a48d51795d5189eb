"""A small JSON HTTP client with retries, built on the standard library."""

import json
import time
import urllib.error
import urllib.parse
import urllib.request


class HttpError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:200]}")
        self.status = status
        self.body = body


class JsonClient:
    def __init__(self, base_url, token=None, timeout=10.0, retries=3, backoff=0.5):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff

    def get(self, path, **params):
        return self.request("GET", path, params=params)

    def post(self, path, body):
        return self.request("POST", path, body=body)

    def delete(self, path):
        return self.request("DELETE", path)

    def request(self, method, path, params=None, body=None):
        url = f"{self.base_url}/{path.lstrip('/')}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        data = json.dumps(body).encode("utf-8") if body is not None else None
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"

        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    text = response.read().decode("utf-8")
                    return json.loads(text) if text else None
            except urllib.error.HTTPError as error:
                text = error.read().decode("utf-8", errors="replace")
                if error.code in (429, 502, 503, 504) and attempt < self.retries:
                    time.sleep(self._delay(attempt, error.headers.get("Retry-After")))
                    continue
                raise HttpError(error.code, text) from None
            except urllib.error.URLError:
                if attempt < self.retries:
                    time.sleep(self._delay(attempt, None))
                    continue
                raise

    def _delay(self, attempt, retry_after):
        if retry_after:
            try:
                return float(retry_after)
            except ValueError:
                pass
        return self.backoff * (2 ** attempt)


def paginate(client, path, page_size=50):
    page = 1
    while True:
        items = client.get(path, page=page, per_page=page_size)
        if not items:
            return
        yield from items
        if len(items) < page_size:
            return
        page += 1


if __name__ == "__main__":
    client = JsonClient("http://127.0.0.1:8080/api")
    for user in paginate(client, "users"):
        print(user["name"])
