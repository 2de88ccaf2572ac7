package io.audiencehub.base;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a transaction again when the database turned it down for a concurrent write to the same rows: a
 * deadlock on one server, or under Galera a certification conflict, where of two nodes' commits touching
 * the same row only the first wins and the other gets a deadlock error at commit. Every attempt is a new
 * transaction, after a short random pause; the last failure is thrown.
 */
public final class ConflictRetry {

    private static final int ATTEMPTS = 5;

    private ConflictRetry() {
    }

    public static <T> T execute(TransactionTemplate transaction, TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    public static void executeWithoutResult(TransactionTemplate transaction, Consumer<TransactionStatus> work) {
        execute(transaction, status -> {
            work.accept(status);
            return null;
        });
    }

    /**
     * A conflict, whether found by a statement (translated to {@link ConcurrencyFailureException}) or at
     * the commit, where Galera's certification reports it (SQLState class 40, transaction rollback).
     */
    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts of a transaction", e);
        }
    }
}
