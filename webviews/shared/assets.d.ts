// Style sheets are bundled by esbuild into <app>.css next to <app>.js; importing one only adds it to that file.
declare module '*.css';
