package dev.drydock.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A mutable copy of a {@link SignedRequest}, for tampering with signed requests in tests. */
final class RequestEditor {
    String method;
    String rawPath;
    String rawQuery;
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byte[] body;

    private RequestEditor(SignedRequest request) {
        method = request.method();
        rawPath = request.rawPath();
        rawQuery = request.rawQuery();
        request.headers().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        body = request.body().orElse(null);
    }

    static SignedRequest edit(SignedRequest request, Consumer<RequestEditor> change) {
        RequestEditor editor = new RequestEditor(request);
        change.accept(editor);
        return editor.build();
    }

    RequestEditor setHeader(String name, String value) {
        headers.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    RequestEditor removeHeader(String name) {
        headers.remove(name);
        return this;
    }

    RequestEditor mapHeader(String name, UnaryOperator<String> change) {
        headers.put(name, new ArrayList<>(List.of(change.apply(headers.get(name).get(0)))));
        return this;
    }

    RequestEditor mapQuery(UnaryOperator<String> change) {
        rawQuery = change.apply(rawQuery);
        return this;
    }

    RequestEditor body(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    SignedRequest build() {
        SignedRequest.Builder builder = SignedRequest.builder()
                .method(method)
                .rawPath(rawPath)
                .rawQuery(rawQuery)
                .headers(headers);
        if (body != null) {
            builder.body(body);
        }
        return builder.build();
    }
}
