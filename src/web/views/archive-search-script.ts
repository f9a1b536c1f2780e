/**
 * The static site's search, run in the browser: cuts the query with the room's vocabulary
 * (longest match first, as jieba cut the text at build time), searches each room's prebuilt
 * MiniSearch index, and shows the results with DOM text nodes only (never innerHTML).
 */
export const STATIC_SEARCH_SCRIPT = String.raw`(function(){
var cfg=JSON.parse(document.getElementById('archive-config').textContent);
var params=new URLSearchParams(location.search);var q=(params.get('q')||'').slice(0,200);var only=params.get('room');
var box=document.querySelector('input[name=q]');if(box)box.value=q;
var out=document.getElementById('results');var status=document.getElementById('status');
var rooms=cfg.rooms.filter(function(r){return !only||String(r.id)===only;});
if(only&&rooms.length){var hidden=document.querySelector('form.search input[name=room]');if(!hidden){hidden=document.createElement('input');hidden.type='hidden';hidden.name='room';document.querySelector('form.search').appendChild(hidden);}hidden.value=String(rooms[0].id);}
function cut(text,vocab){var words=[];var lower=text.toLowerCase();var re=/[a-z0-9_\-.]+|[\u3400-\u9fff\uf900-\ufaff]+/g;var m;
while((m=re.exec(lower))){var run=m[0];if(!/^[\u3400-\u9fff\uf900-\ufaff]/.test(run)){run.split(/[_\-.]+/).forEach(function(w){if(w)words.push(w);});continue;}
var i=0;while(i<run.length){var len=Math.min(8,run.length-i),hit=null;for(;len>1;len--){if(vocab.has(run.substr(i,len))){hit=run.substr(i,len);break;}}
if(!hit){hit=run.charAt(i);}words.push(hit);i+=hit.length;}}return words;}
function mark(parent,text,terms){var lower=text.toLowerCase();var i=0;while(i<text.length){var best=-1,len=0;
terms.forEach(function(t){var at=lower.indexOf(t,i);if(at>=0&&(best<0||at<best||(at===best&&t.length>len))){best=at;len=t.length;}});
if(best<0||len===0){parent.appendChild(document.createTextNode(text.slice(i)));break;}
parent.appendChild(document.createTextNode(text.slice(i,best)));var m=document.createElement('mark');m.textContent=text.slice(best,best+len);parent.appendChild(m);i=best+len;}}
function show(results,terms){out.textContent='';results.slice(0,50).forEach(function(r){var li=document.createElement('li');var a=document.createElement('a');
a.href=cfg.root+r.room+'/c/'+r.n+'/'+(r.p>1?'page/'+r.p+'/':'');mark(a,String(r.t),terms);li.appendChild(a);var d=document.createElement('div');d.className='text';mark(d,String(r.s),terms);li.appendChild(d);
var meta=document.createElement('div');meta.className='meta';meta.textContent=r.roomName;li.appendChild(meta);out.appendChild(li);});
status.textContent=results.length?'':cfg.labels.none;document.documentElement.setAttribute('data-search','done');}
if(!q.trim()){status.textContent='';document.documentElement.setAttribute('data-search','done');return;}
status.textContent=cfg.labels.searching;
Promise.all(rooms.map(function(room){return fetch(cfg.root+room.id+'/search-index.json').then(function(r){return r.json();}).then(function(data){
var ms=MiniSearch.loadJSON(JSON.stringify(data.index),{fields:['title','text'],storeFields:['t','s','n','p'],tokenize:function(s){return s.split(' ').filter(Boolean);},processTerm:function(t){return t.toLowerCase();}});
var terms=cut(q,new Set(data.vocabulary)).filter(function(t){return t.trim();});if(!terms.length)return {terms:terms,hits:[]};
var hits=ms.search(terms.join(' '),{combineWith:'AND',prefix:function(t){return /^[a-z0-9]{3,}$/.test(t);},fields:['title','text'],boost:{title:2}});
return {terms:terms,hits:hits.filter(function(h){return Number.isInteger(h.n);}).map(function(h){return {room:room.id,roomName:room.name,n:h.n,p:Number.isInteger(h.p)?h.p:1,t:h.t,s:h.s,score:h.score};})};
}).catch(function(){return {terms:[],hits:[]};});})).then(function(parts){var terms=[];var all=[];parts.forEach(function(p){terms=terms.concat(p.terms);all=all.concat(p.hits);});
all.sort(function(a,b){return b.score-a.score;});show(all,terms);});
})();`;
