package io.audiencehub.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class ConflictRetryTest {

    private final TransactionTemplate transaction = transaction();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aTransactionRefusedForAConflictRunsAgain() {
        String result = ConflictRetry.execute(transaction, status -> {
            if (attempts.incrementAndGet() < 3) {
                throw new PessimisticLockingFailureException("Deadlock found when trying to get lock");
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aCommitRefusedByGaleraCertificationRunsAgain() {
        String result = ConflictRetry.execute(transaction, status -> {
            if (attempts.incrementAndGet() == 1) {
                throw new TransactionSystemException("JDBC commit failed",
                        new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> ConflictRetry.executeWithoutResult(transaction, status -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("Duplicate entry");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aConflictThatLastsIsThrownAfterFiveAttempts() {
        assertThatThrownBy(() -> ConflictRetry.executeWithoutResult(transaction, status -> {
            attempts.incrementAndGet();
            throw new PessimisticLockingFailureException("Deadlock found when trying to get lock");
        })).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(attempts).hasValue(5);
    }

    private static TransactionTemplate transaction() {
        PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
        when(manager.getTransaction(any())).thenAnswer(invocation -> new SimpleTransactionStatus());
        return new TransactionTemplate(manager);
    }
}
