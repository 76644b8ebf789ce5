package dev.drydock.logs.internal.backend;

/**
 * One stored log event.
 *
 * @param timestamp when it happened, in milliseconds since the epoch (as put)
 * @param message the message
 * @param ingestionTime when CloudWatch Logs received it, in milliseconds since the epoch
 * @param sequence the order of arrival across the backend, the basis of FilterLogEvents' {@code eventId}
 */
public record LogEvent(long timestamp, String message, long ingestionTime, long sequence) {
    /** The bytes CloudWatch Logs counts for an event: its UTF-8 message plus 26. */
    public static long size(String message) {
        return utf8Length(message) + 26L;
    }

    /** The length of a string in UTF-8, without encoding it. */
    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
