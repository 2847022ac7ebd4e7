package org.aftercare.triage;

import java.util.UUID;

import org.springframework.data.repository.Repository;

interface FlagActionRepository extends Repository<FlagAction, UUID> {

	FlagAction save(FlagAction action);

}
