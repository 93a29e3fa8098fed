package org.wardwatch.crawler.http;

import okhttp3.HttpUrl;

/** A request tag on a redirect hop naming the URL that sent us there, so a refusal can say where it came from. */
record RedirectedFrom(HttpUrl url) {
}
