package dev.drydock.logs.internal.tasks;

import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.TaskLogSink.AwsLogsRequest;
import dev.drydock.core.spi.TaskLogSink.LogFailure;
import dev.drydock.core.spi.TaskLogSink.LogLine;
import dev.drydock.core.spi.TaskLogSink.LogStreamWriter;
import dev.drydock.logs.LogsModule;
import dev.drydock.logs.internal.backend.LogEvent;
import dev.drydock.logs.internal.backend.LogsBackend;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * The {@code awslogs} log driver as Fargate runs it for a task's containers ("Send Amazon ECS logs to CloudWatch",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html), with the task's execution role.
 *
 * <p>Opening a stream follows Docker's awslogs driver (moby, {@code daemon/logger/awslogs/cloudwatchlogs.go},
 * {@code logStream.create}): CreateLogStream (an existing stream is fine); when that finds no group and
 * {@code awslogs-create-group} is {@code true}, CreateLogGroup (an existing group is fine) and CreateLogStream again.
 * A failure stops the task before its containers start, in the words Fargate uses, e.g. (an ECS service event of
 * 2026-01-08, quoted in public project notes):
 *
 * <pre>
 * ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to
 * create Cloudwatch log group: operation error CloudWatch Logs: CreateLogGroup, https response error StatusCode: 400,
 * RequestID: b8ee5906-..., api error AccessDeniedException: User: arn:aws:sts::...:assumed-role/...-execution/80aa...
 * is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:...:log-group:/ecs/...:log-stream:
 * because no identity-based policy allows the logs:CreateLogGroup action : exit status 1
 * </pre>
 *
 * The error after the driver's own words is the AWS SDK for Go v2's: {@code operation error CloudWatch Logs: <op>,
 * https response error StatusCode: <status>, RequestID: <id>, } then {@code <Code>: <message>} for the errors
 * CloudWatch Logs' model declares (ResourceNotFoundException, InvalidParameterException ...) and
 * {@code api error <Code>: <message>} for the others (AccessDeniedException).
 *
 * <p>Writing: each open stream has a buffer and a thread that puts what it holds every flush interval (the setting
 * {@code logs.awslogs-flush-interval}, default 50 ms; Docker's driver publishes every 5 s, {@code PT5S} reproduces
 * that), in batches within PutLogEvents' limits (10,000 events, 1 MiB with 26 bytes per event), lines over 256 KB
 * split as the driver splits them. In {@code non-blocking} mode the buffer holds {@code max-buffer-size} bytes and
 * drops what does not fit; in {@code blocking} mode a writer waits for room. A batch PutLogEvents refuses is dropped
 * and counted, as the driver drops it; the decision log shows the refusal. Events PutLogEvents stores not (older than
 * 14 days, past the retention, more than 2 hours ahead) are counted as dropped too.
 */
public final class TaskLogs {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLogs.class);
    private static final String PREFIX = "ResourceInitializationError: failed to validate logger args: "
            + "create stream has been retried 1 times: ";
    /** Errors CloudWatch Logs' model does not declare: the AWS SDK for Go v2 prints them as {@code api error ...}. */
    private static final List<String> UNMODELLED = List.of("AccessDeniedException");
    /** The blocking buffer's capacity in lines, as Docker's driver queues 4096 messages. */
    private static final int BLOCKING_CAPACITY = 4096;
    /** How many task streams the failure report remembers. */
    private static final int RECENT = 20;

    private final Iam iam;
    private final String region;
    private final AdminCalls calls;
    private final Duration flushInterval;
    private final Map<String, Writer> open = new ConcurrentHashMap<>();
    /** The last {@link #RECENT} streams opened, open or closed, for the failure report. */
    private final Map<String, Writer> recent = new LinkedHashMap<>();

    /**
     * @param iam opens the execution role's sessions
     * @param region Drydock's region, the only {@code awslogs-region} it serves
     * @param calls runs CloudWatch Logs' handlers as those sessions, recorded in the decision log
     * @param flushInterval how long a stream collects lines before it puts them
     */
    public TaskLogs(Iam iam, String region, AdminCalls calls, Duration flushInterval) {
        this.iam = iam;
        this.region = region;
        this.calls = calls;
        this.flushInterval = flushInterval;
    }

    /** See {@link dev.drydock.core.spi.TaskLogSink#open}. */
    public LogStreamWriter open(AwsLogsRequest r) {
        if (r.logGroup() == null
                || r.logGroup().isEmpty()
                || r.streamPrefix() == null
                || r.streamPrefix().isEmpty()) {
            // RegisterTaskDefinition refuses these on Fargate; a direct caller of the SPI learns it here
            throw new IllegalArgumentException(
                    "awslogs needs awslogs-group and, on Fargate, awslogs-stream-prefix: " + r);
        }
        if (r.region() != null && !r.region().equals(region)) {
            throw new LogFailure(PREFIX + "failed to create Cloudwatch log stream: awslogs-region " + r.region()
                    + " is not Drydock's region " + region + ": Drydock models one region. : exit status 1");
        }
        if (r.executionRole() == null || r.executionRole().isEmpty()) {
            throw new LogFailure(PREFIX + "the task has no execution role, which the awslogs log driver needs on "
                    + "Fargate to call logs:CreateLogStream and logs:PutLogEvents. : exit status 1");
        }
        String roleArn = iam.roleArn(r.executionRole())
                .orElseThrow(() -> new LogFailure("ResourceInitializationError: ECS was unable to assume the role '"
                        + r.executionRole() + "' that was provided for this task: the role does not exist."));
        Caller role = iam.assumeRole(roleArn, r.taskId(), Duration.ofHours(1)).caller();
        String stream = r.streamName();
        CreateLogStreamRequest createStream = CreateLogStreamRequest.builder()
                .logGroupName(r.logGroup())
                .logStreamName(stream)
                .build();
        AwsException failed = create(role, createStream, CreateLogStreamResponse.class);
        if (failed != null && failed.errorCode().equals("ResourceNotFoundException") && r.createGroup()) {
            AwsException group = create(
                    role,
                    CreateLogGroupRequest.builder().logGroupName(r.logGroup()).build(),
                    CreateLogGroupResponse.class);
            if (group != null) {
                throw new LogFailure(PREFIX + "failed to create Cloudwatch log group: "
                        + goError("CreateLogGroup", group) + " : exit status 1");
            }
            failed = create(role, createStream, CreateLogStreamResponse.class);
        }
        if (failed != null) {
            throw new LogFailure(PREFIX + "failed to create Cloudwatch log stream: "
                    + goError("CreateLogStream", failed) + " : exit status 1");
        }
        Writer w = new Writer(role, r, stream);
        open.put(r.logGroup() + " " + stream, w);
        synchronized (recent) {
            recent.remove(r.logGroup() + " " + stream);
            recent.put(r.logGroup() + " " + stream, w);
            if (recent.size() > RECENT) {
                recent.remove(recent.keySet().iterator().next());
            }
        }
        return w;
    }

    /** A stream a task's container wrote to: its request, lines dropped so far and whether it is still open. */
    public record TaskStream(AwsLogsRequest request, String logStreamName, long dropped, boolean open) {}

    /** The last 20 streams tasks opened, oldest first (open and closed), for the failure report. */
    public List<TaskStream> recentStreams() {
        List<Writer> writers;
        synchronized (recent) {
            writers = List.copyOf(recent.values());
        }
        List<TaskStream> result = new ArrayList<>();
        for (Writer w : writers) {
            result.add(new TaskStream(w.request, w.stream, w.dropped(), open.get(w.key()) == w));
        }
        return result;
    }

    /** The streams that are open now, for diagnostics: {@code group stream} to lines dropped. */
    public Map<String, Long> openStreams() {
        Map<String, Long> result = new TreeMap<>();
        open.forEach((k, w) -> result.put(k, w.dropped()));
        return result;
    }

    /** Stops every stream (Drydock closes): what is queued is put first. */
    public void closeAll() {
        List.copyOf(open.values()).forEach(Writer::close);
    }

    /** Runs a create operation; its error, or {@code null} when it succeeded or the resource already existed. */
    private AwsException create(Caller role, SdkPojo request, Class<? extends SdkPojo> response) {
        try {
            calls.callAs(role, UUID.randomUUID().toString(), LogsModule.SIGNING_NAME, request, response);
            return null;
        } catch (AwsException e) {
            if (e.errorCode().equals("ResourceAlreadyExistsException")) {
                return null;
            }
            return e;
        }
    }

    /** An error as the AWS SDK for Go v2 prints it (the request id is a fresh one, as each attempt has its own). */
    private static String goError(String operation, AwsException e) {
        return "operation error CloudWatch Logs: " + operation + ", https response error StatusCode: " + e.httpStatus()
                + ", RequestID: " + UUID.randomUUID() + ", " + (UNMODELLED.contains(e.errorCode()) ? "api error " : "")
                + e.errorCode() + ": " + e.getMessage();
    }

    /** An open stream: a buffer, and a thread that puts its lines as the execution role. */
    private final class Writer implements LogStreamWriter, Runnable {
        private final Caller role;
        private final AwsLogsRequest request;
        private final String stream;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<LogLine> queue = new ArrayDeque<>();
        private final AtomicLong dropped = new AtomicLong();
        private final Thread thread;
        private long queuedBytes;
        private boolean closed;
        private boolean refusedOnce;

        Writer(Caller role, AwsLogsRequest request, String stream) {
            this.role = role;
            this.request = request;
            this.stream = stream;
            this.thread = new Thread(this, "drydock-awslogs-" + stream);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public String logGroupName() {
            return request.logGroup();
        }

        @Override
        public String logStreamName() {
            return stream;
        }

        @Override
        public long dropped() {
            return dropped.get();
        }

        @Override
        public void write(LogLine line) {
            long size = LogEvent.size(line.message());
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                if (request.nonBlocking()) {
                    if (queuedBytes + size > request.maxBufferBytes()) {
                        dropped.incrementAndGet();
                        return;
                    }
                } else {
                    while (queue.size() >= BLOCKING_CAPACITY && !closed) {
                        changed.awaitUninterruptibly();
                    }
                }
                queue.add(line);
                queuedBytes += size;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.remove(key(), this);
        }

        String key() {
            return request.logGroup() + " " + stream;
        }

        @Override
        public void run() {
            while (true) {
                List<LogLine> lines = new ArrayList<>();
                lock.lock();
                try {
                    while (queue.isEmpty() && !closed) {
                        changed.awaitUninterruptibly();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    if (!closed) {
                        // collect what else arrives within the flush interval
                        long deadline = System.nanoTime() + flushInterval.toNanos();
                        long left;
                        while (!closed && (left = deadline - System.nanoTime()) > 0) {
                            try {
                                changed.awaitNanos(left);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                break;
                            }
                        }
                    }
                    lines.addAll(queue);
                    queue.clear();
                    queuedBytes = 0;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                put(lines);
            }
        }

        /** Puts lines in batches within PutLogEvents' limits, splitting lines over 256 KB. */
        private void put(List<LogLine> lines) {
            List<InputLogEvent> batch = new ArrayList<>();
            long bytes = 0;
            for (LogLine line : lines) {
                for (String part : split(line.message())) {
                    long size = LogEvent.size(part);
                    if (batch.size() == 10_000 || bytes + size > LogsBackend.MAX_BATCH_BYTES) {
                        send(batch);
                        batch = new ArrayList<>();
                        bytes = 0;
                    }
                    batch.add(InputLogEvent.builder()
                            .timestamp(line.timestampMillis())
                            .message(part.isEmpty() ? " " : part)
                            .build());
                    bytes += size;
                }
            }
            if (!batch.isEmpty()) {
                send(batch);
            }
        }

        private void send(List<InputLogEvent> batch) {
            try {
                PutLogEventsResponse response = calls.callAs(
                        role,
                        UUID.randomUUID().toString(),
                        LogsModule.SIGNING_NAME,
                        PutLogEventsRequest.builder()
                                .logGroupName(request.logGroup())
                                .logStreamName(stream)
                                .logEvents(batch)
                                .build(),
                        PutLogEventsResponse.class);
                dropped.addAndGet(rejected(response.rejectedLogEventsInfo(), batch.size()));
            } catch (AwsException e) {
                dropped.addAndGet(batch.size());
                if (!refusedOnce) {
                    refusedOnce = true;
                    LOG.warn(
                            "awslogs: PutLogEvents to {} {} refused ({}: {}); the container's lines are dropped, as "
                                    + "the awslogs driver drops them",
                            request.logGroup(),
                            stream,
                            e.errorCode(),
                            e.getMessage());
                }
            } catch (RuntimeException e) {
                dropped.addAndGet(batch.size());
                LOG.warn("awslogs: putting {} events to {} {} failed", batch.size(), request.logGroup(), stream, e);
            }
        }
    }

    /** How many events of a batch of {@code size} PutLogEvents did not store (too old, expired, too new). */
    static int rejected(RejectedLogEventsInfo info, int size) {
        if (info == null) {
            return 0;
        }
        // the end indexes name the last event refused (inclusive), the start index the first
        int old = Math.max(
                info.tooOldLogEventEndIndex() == null ? 0 : info.tooOldLogEventEndIndex() + 1,
                info.expiredLogEventEndIndex() == null ? 0 : info.expiredLogEventEndIndex() + 1);
        int newer = info.tooNewLogEventStartIndex() == null ? 0 : size - info.tooNewLogEventStartIndex();
        return Math.min(size, old + newer);
    }

    /** A line in parts of at most 256 KB less the 26 bytes an event counts on top of its message. */
    static List<String> split(String message) {
        long max = LogsBackend.MAX_EVENT_BYTES - 26;
        if (LogEvent.utf8Length(message) <= max) {
            return List.of(message);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        int i = 0;
        while (i < message.length()) {
            int cp = message.codePointAt(i);
            long b = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + b > max) {
                parts.add(message.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += b;
            i += Character.charCount(cp);
        }
        parts.add(message.substring(start));
        return parts;
    }
}
