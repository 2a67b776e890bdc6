// What a workstation says when the shared database cannot be used, in words an IT person can act on
// (the driver's own messages name sockets and OpenSSL codes). Never includes the password.
import { AppError } from '../../common/errors';

interface DriverError {
  code?: string;
  message?: string;
}

/** The server and database a URL names, for messages. */
export function serverOf(url: string): { server: string; database: string; user: string } {
  const u = new URL(url);
  return {
    server: u.port ? `${u.hostname}:${u.port}` : u.hostname,
    database: u.pathname.slice(1),
    user: decodeURIComponent(u.username),
  };
}

export function connectionError(err: unknown, url: string): Error {
  if (err instanceof AppError) return err;
  const { server, database, user } = serverOf(url);
  const e = err as DriverError;
  const text = String(e?.message ?? '');
  const say = (message: string) => new AppError('unavailable', message);
  switch (e?.code) {
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return say(
        `The shared database server ${server} is not answering. Check that it is running and that this computer can reach it.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return say(`The server name in the connection URL (${server}) is not known on this network.`);
    case '28P01':
    case '28000':
      return say(`The database user ${user} or its password was not accepted by ${server}.`);
    case '3D000':
      return say(`There is no database "${database}" on ${server}. Check the connection URL with your IT person.`);
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return say(
        `The certificate of ${server} is for another server name: connect with the name the certificate gives.`,
      );
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return say(
        `The certificate of ${server} was not issued by the CA certificate given. Ask your IT person for the server's CA certificate.`,
      );
    case 'CERT_HAS_EXPIRED':
      return say(`The certificate of ${server} has expired. Ask your IT person to renew it.`);
  }
  if (/does not support SSL/i.test(text))
    return say(
      `The server ${server} does not offer TLS. MTM Desk connects to a shared database only over verified TLS.`,
    );
  return say(`The shared database ${database} on ${server} cannot be used (${e?.code ?? 'connection failed'}).`);
}
