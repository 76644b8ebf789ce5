package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;

/**
 * GetRandomPassword, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html">the Secrets
 * Manager API reference</a> describes it: {@code PasswordLength} (default 32) characters from upper and lower case
 * letters, digits and the punctuation {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}, less the excluded ones, with one of
 * each included type unless {@code RequireEachIncludedType} is false. {@code secretsmanager:GetRandomPassword} on
 * {@code *}.
 */
public final class GetRandomPassword implements Operation<GetRandomPasswordRequest, GetRandomPasswordResponse> {
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretAccess access;

    public GetRandomPassword(SecretAccess access) {
        this.access = access;
    }

    @Override
    public GetRandomPasswordResponse call(GetRandomPasswordRequest r, CallContext c) {
        access.authorizeAccount(c, "secretsmanager:GetRandomPassword");
        String excluded = r.excludeCharacters() == null ? "" : r.excludeCharacters();
        List<String> types = new ArrayList<>();
        add(types, !Boolean.TRUE.equals(r.excludeLowercase()), "abcdefghijklmnopqrstuvwxyz", excluded);
        add(types, !Boolean.TRUE.equals(r.excludeUppercase()), "ABCDEFGHIJKLMNOPQRSTUVWXYZ", excluded);
        add(types, !Boolean.TRUE.equals(r.excludeNumbers()), "0123456789", excluded);
        add(types, !Boolean.TRUE.equals(r.excludePunctuation()), PUNCTUATION, excluded);
        add(types, Boolean.TRUE.equals(r.includeSpace()), " ", excluded);
        if (types.isEmpty()) {
            throw SecretsErrors.invalidParameter("The password can't be generated: every character type is excluded.");
        }
        int length = r.passwordLength() == null ? 32 : r.passwordLength().intValue();
        boolean eachType = r.requireEachIncludedType() == null || r.requireEachIncludedType();
        if (eachType && length < types.size()) {
            throw SecretsErrors.invalidParameter("PasswordLength " + length + " is too short to include a character of "
                    + "each of the " + types.size() + " included types.");
        }
        String all = String.join("", types);
        List<Character> chars = new ArrayList<>();
        if (eachType) {
            types.forEach(t -> chars.add(t.charAt(RANDOM.nextInt(t.length()))));
        }
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder b = new StringBuilder(length);
        chars.forEach(b::append);
        return GetRandomPasswordResponse.builder().randomPassword(b.toString()).build();
    }

    private static void add(List<String> types, boolean included, String characters, String excluded) {
        if (!included) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (char ch : characters.toCharArray()) {
            if (excluded.indexOf(ch) < 0) {
                kept.append(ch);
            }
        }
        if (kept.length() > 0) {
            types.add(kept.toString());
        }
    }
}
