import type { ClassifyFacts } from '../classifyFacts';
import { depRule, fileRule } from '../rule';
import type { Rule } from '../rule';

const PHONE_DIRS = ['android', 'ios'];
const DESKTOP_DIRS = ['macos', 'windows', 'linux'];

export const NATIVE_RULES: readonly Rule[] = [
  depRule('react-native', 'mobile-app', 0.9, 'npm', ['react-native', 'expo'], 'runtime', 'a React Native app'),
  depRule('nativescript', 'mobile-app', 0.9, 'npm', ['@nativescript/core'], 'runtime', 'a NativeScript app'),
  depRule('hybrid-mobile', 'mobile-app', 0.8, 'npm', ['@capacitor/core', '@capacitor/android', '@capacitor/ios', '@ionic/angular', '@ionic/react', '@ionic/vue', 'cordova-android', 'cordova-ios'], 'any', 'a hybrid mobile app (Capacitor, Ionic, Cordova)'),
  { id: 'flutter-phone', type: 'mobile-app', weight: 0.9, test: (f) => flutterWith(f, PHONE_DIRS, 'a Flutter app with phone targets') },
  { id: 'flutter', type: 'mobile-app', weight: 0.5, test: (f) => (f.frameworks.has('flutter') && !flutterWith(f, PHONE_DIRS, '') ? 'pubspec.yaml depends on the Flutter SDK: Flutter targets phones first' : null) },
  { id: 'flutter-desktop', type: 'desktop-app', weight: 0.7, test: (f) => (flutterWith(f, PHONE_DIRS, '') ? null : flutterWith(f, DESKTOP_DIRS, 'a Flutter app with desktop targets only')) },
  { id: 'android', type: 'mobile-app', weight: 0.6, test: (f) => (f.frameworks.has('android') ? 'the Gradle build applies an Android plugin' : null) },
  depRule('maui', 'mobile-app', 0.8, 'nuget', ['microsoft.maui.controls'], 'runtime', '.NET MAUI'),
  { id: 'xcode', type: 'mobile-app', weight: 0.5, test: (f) => { const p = [...f.names].find((n) => n.endsWith('.xcodeproj')); return p ? `${p} exists: an Xcode app project (iOS, or macOS)` : null; } },
  depRule('electron', 'desktop-app', 0.95, 'npm', ['electron'], 'any', 'an Electron app'),
  depRule('electron-tooling', 'desktop-app', 0.9, 'npm', ['electron-builder', '@electron-forge/cli', 'electron-vite'], 'any', 'Electron packaging'),
  depRule('tauri-crate', 'desktop-app', 0.95, 'cargo', ['tauri'], 'runtime', 'a Tauri app'),
  depRule('tauri-npm', 'desktop-app', 0.9, 'npm', ['@tauri-apps/api', '@tauri-apps/cli'], 'any', 'a Tauri app'),
  fileRule('tauri-folder', 'desktop-app', 0.9, ['src-tauri'], 'the Rust side of a Tauri app'),
  fileRule('desktop-shells', 'desktop-app', 0.9, ['neutralino.config.json', 'wails.json'], 'a desktop app shell (Neutralino, Wails)'),
  depRule('go-desktop', 'desktop-app', 0.8, 'go', ['github.com/wailsapp/wails*', 'fyne.io/fyne*'], 'runtime', 'a Go desktop UI toolkit'),
  depRule('rust-desktop', 'desktop-app', 0.8, 'cargo', ['iced', 'eframe', 'egui', 'druid', 'slint', 'gtk', 'gtk4', 'relm4', 'fltk'], 'runtime', 'a Rust desktop UI toolkit'),
  depRule('python-desktop', 'desktop-app', 0.75, 'pypi', ['pyqt5', 'pyqt6', 'pyside2', 'pyside6', 'wxpython', 'toga', 'customtkinter', 'kivy'], 'runtime', 'a Python desktop UI toolkit'),
  depRule('dotnet-desktop', 'desktop-app', 0.8, 'nuget', ['avalonia', 'microsoft.windowsappsdk'], 'runtime', 'a .NET desktop UI framework'),
  depRule('javafx', 'desktop-app', 0.75, 'maven', ['org.openjfx:*'], 'any', 'JavaFX'),
];

function flutterWith(f: ClassifyFacts, dirs: readonly string[], why: string): string | null {
  if (!f.frameworks.has('flutter')) return null;
  const present = dirs.filter((d) => f.names.has(d));
  return present.length > 0 ? `pubspec.yaml depends on the Flutter SDK and ${present.map((d) => `${d}/`).join(', ')} exist: ${why}` : null;
}
