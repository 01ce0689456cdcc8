/**
 * Python imports name modules, manifests name distributions, and the two often differ (`import yaml` comes
 * from PyYAML, `import cv2` from opencv-python). Irregular pairs are listed; regular ones follow the common
 * spellings (`dotenv` → python-dotenv, `jwt` → PyJWT, `kafka` → kafka-python, `psycopg2` → psycopg2-binary).
 */
import { normalisePythonName } from '../../scanner/ecosystems/frameworks';

/** Import name → distributions that provide it (normalised, PEP 503). The first is what a fix installs. */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  PIL: ['pillow'], cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless'],
  sklearn: ['scikit-learn'], skimage: ['scikit-image'], bs4: ['beautifulsoup4'], attr: ['attrs'],
  Crypto: ['pycryptodome', 'pycrypto'], Cryptodome: ['pycryptodomex'], MySQLdb: ['mysqlclient'], git: ['gitpython'],
  win32api: ['pywin32'], win32con: ['pywin32'], win32com: ['pywin32'], pywintypes: ['pywin32'], gi: ['pygobject'],
  fitz: ['pymupdf'], telegram: ['python-telegram-bot'], dns: ['dnspython'], grpc: ['grpcio'], usb: ['pyusb'],
  rest_framework: ['djangorestframework'], corsheaders: ['django-cors-headers'], debug_toolbar: ['django-debug-toolbar'],
  django_filters: ['django-filter'], environ: ['django-environ'], decouple: ['python-decouple'],
  pkg_resources: ['setuptools'], _pytest: ['pytest'], mpl_toolkits: ['matplotlib'], faiss: ['faiss-cpu', 'faiss-gpu'],
  websocket: ['websocket-client'], paho: ['paho-mqtt'], Xlib: ['python-xlib'], wx: ['wxpython'],
  memcache: ['python-memcached'], bson: ['pymongo'], gridfs: ['pymongo'], googleapiclient: ['google-api-python-client'],
  IPython: ['ipython'], past: ['future'], Levenshtein: ['python-levenshtein', 'levenshtein'], magic: ['python-magic'],
  jose: ['python-jose'], ldap: ['python-ldap'], socks: ['pysocks'], yaml: ['pyyaml'], dateutil: ['python-dateutil'],
  serial: ['pyserial'], zmq: ['pyzmq'], OpenSSL: ['pyopenssl'], jwt: ['pyjwt'], nacl: ['pynacl'], docx: ['python-docx'],
  pptx: ['python-pptx'], multipart: ['python-multipart'], slugify: ['python-slugify'], dotenv: ['python-dotenv'],
  psycopg2: ['psycopg2', 'psycopg2-binary'], sentencepiece: ['sentencepiece'], tensorflow: ['tensorflow', 'tensorflow-cpu', 'tensorflow-macos'],
};

/** Distributions that could provide `topLevel`, normalised. */
export function distributionsFor(topLevel: string): string[] {
  const base = normalisePythonName(topLevel);
  const regular = [base, `python-${base}`, `py${base}`, `py-${base}`, `${base}-python`, `${base}-py`, `${base}-binary`];
  return [...(IRREGULAR[topLevel] ?? []), ...regular];
}

/**
 * Whether any declared distribution provides the module. Namespace packages (`google.cloud.storage` from
 * google-cloud-storage, `azure.*`, `zope.*`) match any declared name that starts with the top-level name.
 */
export function isDeclaredModule(module: string, declared: ReadonlySet<string>): boolean {
  const top = module.split('.')[0] ?? module;
  if (distributionsFor(top).some((d) => declared.has(d))) return true;
  const prefix = `${normalisePythonName(top)}-`;
  for (const name of declared) if (name.startsWith(prefix)) return true;
  return false;
}

/** The distribution a fix installs for a module: the known one, else the module's own name. */
export function distributionToInstall(module: string): string {
  const top = module.split('.')[0] ?? module;
  return IRREGULAR[top]?.[0] ?? top;
}
