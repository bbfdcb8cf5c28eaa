import type { IpcResponse, IpcValidRequest } from '../../shared/ipc/contract';
import type { AccordFileVersion } from '../../shared/model/accord-file';
import { parseAgreement } from '../../shared/model/parse-agreement';
import { FileVersionSchema } from '../../shared/model/versions';
import { firstIssueMessage } from '../../shared/model/validation';
import { checkVersionSeals, sealVersions } from '../pdf/accord-seal';
import type { Host } from './host';
import { identityStoreFor, sealingNames, trustStoreFor } from './pdf';

/** Re-reads versions the renderer sent with the one schema and parseAgreement: the renderer is untrusted. */
function readVersions(raw: readonly unknown[]): AccordFileVersion[] {
  return raw.map((entry, index) => {
    const parsed = FileVersionSchema.safeParse(entry);
    if (!parsed.success) throw new Error(`version ${index + 1} is not a signed version: ${firstIssueMessage(parsed.error)}`);
    const agreement = parseAgreement(parsed.data.agreement);
    if (!agreement.ok) throw new Error(`version ${parsed.data.number}: ${agreement.message}`);
    const { seal, ...rest } = parsed.data;
    return { ...rest, agreement: agreement.agreement, ...(seal ? { seal } : {}) };
  });
}

/** `accord:seal-versions`: seals signed versions for an `.accord` file with this installation's key; refuses any that breaks the signing rules. */
export async function sealVersionsHandler(host: Host, request: IpcValidRequest<'accord:seal-versions'>): Promise<IpcResponse<'accord:seal-versions'>> {
  const versions = readVersions(request.versions);
  if (versions.length === 0) return { seals: [] };
  const identity = await identityStoreFor(host).get(sealingNames(request.name, versions.at(-1)!.agreement.workshop.facilitator));
  return { seals: sealVersions(versions, identity).map((version) => version.seal) };
}

/** `accord:check-seals`: checks each version's rules and seal; who sealed it by its certificate's fingerprint (the trust store). */
export async function checkSealsHandler(host: Host, request: IpcValidRequest<'accord:check-seals'>): Promise<IpcResponse<'accord:check-seals'>> {
  const versions = readVersions(request.versions);
  const trust = trustStoreFor(host);
  return { checks: await checkVersionSeals(versions, (fingerprint) => trust.describe(fingerprint)) };
}
